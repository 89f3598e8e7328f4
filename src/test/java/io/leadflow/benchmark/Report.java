package io.leadflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's output: the setting it ran in, a row per scenario, the footprint; as Markdown. */
final class Report {

  private final List<String> setting = new ArrayList<>();
  private final List<String> scenarios = new ArrayList<>();
  private final List<String> footprint = new ArrayList<>();
  private final List<String> misses = new ArrayList<>();

  void setting(String name, Object value) {
    setting.add("| " + name + " | " + value + " |");
  }

  /** A scenario without a reference (a reference itself, or one the issue gives no ratio for). */
  void scenario(String name, Measurement m, String target, Boolean met) {
    scenarios.add(row(name, m, null, target, met));
  }

  /** A scenario and the rate of its reference, measured in the same run on the same database. */
  void scenario(String name, Measurement m, Measurement reference, String target, Boolean met) {
    scenarios.add(row(name, m, reference, target, met));
  }

  void footprint(String name, String value, String target, Boolean met) {
    footprint.add("| " + name + " | " + value + " | " + target + " | " + mark(name, met) + " |");
  }

  private String row(String name, Measurement m, Measurement reference, String target, Boolean met) {
    return "| " + name
        + " | " + m.count()
        + " | " + String.format(Locale.ROOT, "%.1f", m.elapsed().toMillis() / 1000.0)
        + " | " + String.format(Locale.ROOT, "%,.0f", m.rate())
        + " | " + millis(m.percentileMillis(50))
        + " | " + millis(m.percentileMillis(95))
        + " | " + millis(m.percentileMillis(99))
        + " | " + (reference == null ? "" : String.format(Locale.ROOT, "%,.0f", reference.rate()))
        + " | " + (reference == null ? "" : String.format(Locale.ROOT, "%.2f", m.rate() / reference.rate()))
        + " | " + (m.failures() == 0 ? "0" : "**" + m.failures() + "**")
        + " | " + target
        + " | " + mark(name, met) + " |";
  }

  private String mark(String name, Boolean met) {
    if (met == null) {
      return "";
    }
    if (!met) {
      misses.add(name);
    }
    return met ? "yes" : "**no**";
  }

  private static String millis(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%,.0f", value);
  }

  String markdown() {
    List<String> lines = new ArrayList<>();
    lines.add("| Setting | Value |");
    lines.add("|---|---|");
    lines.addAll(setting);
    lines.add("");
    lines.add("| Scenario | Count | Seconds | Per second | p50 ms | p95 ms | p99 ms | Reference per second | Ratio | Failed | Target | Met |");
    lines.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|");
    lines.addAll(scenarios);
    lines.add("");
    lines.add("| Footprint | Value | Target | Met |");
    lines.add("|---|--:|---|---|");
    lines.addAll(footprint);
    lines.add("");
    lines.add(misses.isEmpty() ? "All targets met." : "Targets missed: " + String.join("; ", misses) + ".");
    return String.join("\n", lines) + "\n";
  }

  Path write(Path folder, String name) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(name);
      Files.writeString(file, markdown());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
