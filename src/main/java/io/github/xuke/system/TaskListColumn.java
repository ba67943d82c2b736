package io.github.xuke.system;

/**
 * A feature's contribution to Tasklist's list items: the task-local column {@code name} copies the
 * process variable {@code sourceVariable} when a task is created, shown under {@code label}.
 */
public record TaskListColumn(String name, String sourceVariable, String label) {}
