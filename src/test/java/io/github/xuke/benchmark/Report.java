package io.github.xuke.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's answer as Markdown: a header (when, on what, which commit and parameters), then one
 * table per part, each figure with the raw numbers of both sides, their ratio, the target of issue 11
 * and whether it was MET or MISSED ("—" for figures that are only reported).
 */
final class Report {

  private final StringBuilder text = new StringBuilder();
  private final List<String> missed = new ArrayList<>();
  private final List<String> met = new ArrayList<>();

  Report title(String title) {
    text.append("# ").append(title).append("\n\n");
    return this;
  }

  Report line(String line) {
    text.append(line).append("\n");
    return this;
  }

  Report section(String title, String... columns) {
    text.append("\n## ").append(title).append("\n\n| ").append(String.join(" | ", columns)).append(" |\n|");
    for (int i = 0; i < columns.length; i++) {
      text.append("---|");
    }
    text.append("\n");
    return this;
  }

  /** A row whose last two cells are the target and its verdict (null verdict: only reported). */
  Report row(Boolean verdict, String... cells) {
    text.append("| ").append(String.join(" | ", cells)).append(" | ").append(verdict(verdict)).append(" |\n");
    if (verdict != null) {
      (verdict ? met : missed).add(cells[0]);
    }
    return this;
  }

  /** The count of targets met and missed, and which were missed. */
  Report verdicts() {
    text.append("\n**Targets met: ").append(met.size()).append(", missed: ").append(missed.size()).append("**");
    if (!missed.isEmpty()) {
      text.append(" (").append(String.join("; ", missed)).append(")");
    }
    text.append("\n");
    return this;
  }

  private static String verdict(Boolean verdict) {
    return verdict == null ? "—" : verdict ? "MET" : "MISSED";
  }

  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    return String.format(Locale.ROOT, magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
  }

  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
