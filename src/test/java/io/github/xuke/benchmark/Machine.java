package io.github.xuke.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the report's header says about the machine and the code: CPU, memory, commit. */
final class Machine {

  private Machine() {}

  static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
  }

  static long memoryMb() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal").map(kb -> Long.parseLong(kb.replaceAll("\\D", "")) / 1024)
        .orElse(Runtime.getRuntime().maxMemory() / 1024 / 1024);
  }

  /** The commit checked out, marked when the work tree has changes. */
  static String commit() {
    String head = git("rev-parse", "--short=12", "HEAD");
    String branch = git("rev-parse", "--abbrev-ref", "HEAD");
    String changes = git("status", "--porcelain", "--untracked-files=no");
    return head + " (" + branch + (changes.isEmpty() ? "" : ", with uncommitted changes") + ")";
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static String git(String... arguments) {
    try {
      String[] command = new String[arguments.length + 1];
      command[0] = "git";
      System.arraycopy(arguments, 0, command, 1, arguments.length);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
