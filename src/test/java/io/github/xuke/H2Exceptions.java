package io.github.xuke;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.TestExecutionListener;

/**
 * The exceptions the tests' H2 database reports, also those its caller caught (a column looked up by a
 * guessed name, a failed statement): {@code TRACE_LEVEL_SYSTEM_OUT=1} in {@code application-test.yaml}
 * makes H2 print each to the {@code System.out} it found when the database opened, which this class
 * has wrapped before any Spring test context starts (it is a listener of every Spring test, registered
 * in {@code META-INF/spring.factories}). In a real installation the same exceptions fill the trace file.
 * Level 1 prints one line per exception; to see which, run with {@code TRACE_LEVEL_SYSTEM_OUT=3}.
 */
public class H2Exceptions implements TestExecutionListener {

  /** What H2 prints at trace level 1 for each exception (level 3, DEBUG, adds the stack trace). */
  private static final Pattern EXCEPTION = Pattern.compile("[^\\r\\n]*jdbc\\[\\d+]: exception[^\\r\\n]*");
  private static final List<String> SEEN = new ArrayList<>();

  static {
    PrintStream original = System.out;
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.contains("]: exception")) {
          Matcher matcher = EXCEPTION.matcher(text);
          synchronized (SEEN) {
            while (matcher.find()) {
              SEEN.add(matcher.group());
            }
          }
        }
      }

      @Override
      public void flush() {
        original.flush();
      }
    }, true, StandardCharsets.UTF_8));
  }

  /** How many exceptions H2 has reported so far. */
  public static int count() {
    synchronized (SEEN) {
      return SEEN.size();
    }
  }

  /** The exceptions reported after the first {@code count} of them. */
  public static List<String> since(int count) {
    synchronized (SEEN) {
      return List.copyOf(SEEN.subList(count, SEEN.size()));
    }
  }
}
