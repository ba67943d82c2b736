package io.github.xuke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class with tests is one the runners pick up (Surefire's defaults: {@code Test*}, {@code *Test},
 * {@code *Tests}, {@code *TestCase}; Failsafe's {@code *IT}; jqwik property classes too) — a test
 * class under any other name would never run, and nothing would say so.
 */
class TestClassNamesTest {

  static final Pattern TESTS = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|Property|Example|TestFactory)\\b");
  static final Pattern RUN = Pattern.compile("(Test\\w*|\\w*(Test|Tests|TestCase|IT))\\.java");

  @Test
  void everyTestClassHasANameTheRunnersPickUp() throws IOException {
    List<String> unrun;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      unrun = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> TESTS.matcher(read(file)).find())
          .filter(file -> !RUN.matcher(file.getFileName().toString()).matches())
          .map(Path::toString).toList();
    }
    assertThat(unrun).as("test classes no runner would run").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
