package io.github.xuke.calendar;

/** An admin loaded (or replaced) the holiday notice of a year; published inside that transaction. */
public record CalendarYearLoaded(int year, String actor) {}
