package io.github.xuke.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures, from system properties (the {@code benchmark} Maven profile passes them on):
 *
 * <ul>
 *   <li>{@code benchmark.cases} (20): full cases per block and side in the side-by-side comparison;
 *   <li>{@code benchmark.blocks} (3): blocks per side, run alternately (bare, in-process, REST, bare, …);
 *   <li>{@code benchmark.scale} (100,1000,10000): the open cases at which the scale table is measured;
 *   <li>{@code benchmark.samples} (30): requests per figure and level of the scale table;
 *   <li>{@code benchmark.chunk} (20): cases per loading chunk; chunks alternate between 1 and 4 clients;
 *   <li>{@code benchmark.database} (h2): {@code h2} (files under the work folder) or {@code postgres}
 *       (zonky embedded PostgreSQL);
 *   <li>{@code benchmark.dir} (target/benchmark): the work folder, emptied at the start;
 *   <li>{@code benchmark.jar} (target/xuke-0.1.0-SNAPSHOT.jar): the packaged app for the start-up probe
 *       (skipped when missing);
 *   <li>{@code benchmark.output} (target/benchmark.md): where the report goes;
 *   <li>{@code benchmark.starts} (3): starts of the jar on a new data folder in the start-up probe;
 *   <li>{@code benchmark.parts} (startup,sides,scale): which parts run.
 * </ul>
 */
record BenchmarkSettings(int cases, int blocks, List<Integer> scale, int samples, int chunk, String database,
    Path dir, Path jar, Path output, int starts, List<String> parts) {

  static BenchmarkSettings fromSystemProperties() {
    return new BenchmarkSettings(
        Integer.getInteger("benchmark.cases", 20),
        Integer.getInteger("benchmark.blocks", 3),
        list("benchmark.scale", "100,1000,10000").stream().map(Integer::valueOf).sorted().toList(),
        Integer.getInteger("benchmark.samples", 30),
        Integer.getInteger("benchmark.chunk", 20),
        System.getProperty("benchmark.database", "h2"),
        Path.of(System.getProperty("benchmark.dir", "target/benchmark")),
        Path.of(System.getProperty("benchmark.jar", "target/xuke-0.1.0-SNAPSHOT.jar")),
        Path.of(System.getProperty("benchmark.output", "target/benchmark.md")),
        Integer.getInteger("benchmark.starts", 3),
        list("benchmark.parts", "startup,sides,scale"));
  }

  boolean runs(String part) {
    return parts.contains(part);
  }

  /** The parameters as the report's header shows them. */
  String describe() {
    return "cases=" + cases + " blocks=" + blocks + " scale=" + scale + " samples=" + samples + " chunk=" + chunk
        + " database=" + database + " starts=" + starts + " parts=" + parts;
  }

  private static List<String> list(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
        .filter(item -> !item.isEmpty()).toList();
  }
}
