package io.github.xuke.system;

import io.github.xuke.system.ApiFuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What a careless or hostile client sends: texts (huge, unicode, control characters, dates out of any
 * range), numbers (huge, negative, fractional), JSON of any shape, broken JSON, multipart and CSV
 * bodies. Values, not requests: {@link ApiFuzzTest} puts them where the endpoints expect them.
 */
final class FuzzValues {

  private FuzzValues() {}

  /** A text as a user might type it, or as no user would. */
  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, huge()),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(SPECIAL)),
        net.jqwik.api.Tuple.of(2, date()),
        net.jqwik.api.Tuple.of(1, number().map(String::valueOf)));
  }

  /** Texts beyond any column: 255 up to 70,000 characters of one letter, CJK character or emoji. */
  static Arbitrary<String> huge() {
    return Combinators.combine(Arbitraries.of("x", "中", "😀", "\u0000", "é"),
        Arbitraries.of(201, 256, 501, 1001, 2001, 4001, 8001, 20_001, 70_000)).as(String::repeat);
  }

  static final List<String> SPECIAL = List.of("", " ", "\t\n", "\u0000", "null", "undefined", "true", "-1", "0",
      "1.5", "1e309", "NaN", "-0", "99999999999999999999", "9223372036854775808", "0x1F", "../../etc/passwd",
      "..", "<script>alert(1)</script>", "'; drop table expert; --", "${7*7}", "#{1+1}", "%s%n%d", "\uFEFF",
      "\uD800", "\u202E", "🦄", "CHEMICAL_PROCESS", "HAZCHEM_SAFE_USE", "APPLICATION_FORM", "INSPECTION",
      "STATUTORY", "PENDING", "91310000MA1FL0XX1Z", "2026-06-03T09:30", "2026-06-03T09:30:00+08:00",
      "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "2026-02-30", "9999-12-31", "0000-01-01",
      "2026-13-01", "2026-06-03T25:61");

  /** An ISO-looking date of any year, the calendar's and far beyond. */
  static Arbitrary<String> date() {
    Arbitrary<Integer> year = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(2020, 2030)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(-999_999_999, 999_999_999, 0, 1, 1969, 2100, 2101, 9999, 10_000)));
    return Combinators.combine(year, Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
        .as((y, m, d) -> (y > 9999 ? "+" : "") + (y < 0 ? "-%09d" : "%04d").formatted(Math.abs(y))
            + "-%02d-%02d".formatted(m, d));
  }

  /** A JSON number: ids and days as no form would allow them. */
  static Arbitrary<Object> number() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.of(0, -1, 1, 60, 61, 1000, 1001, 1_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE)
            .map(Object.class::cast),
        Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L).map(Object.class::cast),
        Arbitraries.of(new BigInteger("1" + "0".repeat(30)), new BigDecimal("1e400"), new BigDecimal("-1.5"),
            new BigDecimal("0.000001")).map(Object.class::cast),
        Arbitraries.of(1.5, -0.0, 1e308, Double.MIN_VALUE).map(Object.class::cast));
  }

  /** Any JSON value up to {@code depth} levels of arrays and objects, {@code null} included. */
  static Arbitrary<Object> json(int depth, List<String> keys) {
    Arbitrary<Object> leaf = Arbitraries.oneOf(text().map(Object.class::cast), number(),
        Arbitraries.of(true, false).map(Object.class::cast)).injectNull(0.15);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(keys.isEmpty() ? List.of("x") : keys),
        Arbitraries.strings().all().ofMaxLength(10));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, leaf),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Arrays.asList((Object) null))),
        net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> json(depth - 1, keys)).list().ofMaxSize(4)
            .map(Object.class::cast)),
        net.jqwik.api.Tuple.of(2, Arbitraries.maps(key, Arbitraries.lazy(() -> json(depth - 1, keys))).ofMaxSize(4)
            .map(Object.class::cast)));
  }

  /** A body that is not the JSON object asked for: broken, deep, empty, binary. */
  static Arbitrary<byte[]> brokenJson() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "{", "}", "[", "{\"a\":", "nul", "{\"a\":1,}", "\u0000", "{\"a\":\"\\ud800\"}",
            "{\"a\":1}{\"b\":2}", "\"text\"", "42", "[null]", "null").map(FuzzValues::utf8),
        Arbitraries.of(100, 1001, 5000, 100_000).map(n -> utf8("[".repeat(n) + "]".repeat(n))),
        Arbitraries.of(100, 1001, 5000).map(n -> utf8("{\"a\":".repeat(n) + "1" + "}".repeat(n))),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        text().map(FuzzValues::utf8));
  }

  /** A content type, right or wrong for the endpoint. */
  static Arbitrary<String> contentType() {
    return Arbitraries.of("application/json", "application/json;charset=UTF-8", "application/json; charset=GB18030",
            "application/json; charset=nonsense", "text/plain", "text/csv", "application/octet-stream",
            "multipart/form-data", "multipart/form-data; boundary=xuke", "application/x-www-form-urlencoded",
            "application/xml", "*/*", "nonsense", "application/", "text/csv; charset=GB18030")
        .injectNull(0.1);
  }

  /** One part of a multipart body. */
  record Part(String name, String fileName, byte[] content) {}

  /** A multipart body (boundary {@code xuke-fuzz}): a file part, form fields, or neither. */
  static Arbitrary<byte[]> multipart(List<String> fields) {
    Arbitrary<Part> file = Combinators.combine(Arbitraries.of("file", "file", "file", "other", ""),
        text().injectNull(0.1), fileContent()).as(Part::new);
    Arbitrary<Part> field = Combinators.combine(Arbitraries.of(fields.isEmpty() ? List.of("x") : fields), text())
        .as((name, value) -> new Part(name, null, utf8(value)));
    return Combinators.combine(file.list().ofMaxSize(2), field.list().ofMaxSize(3), Arbitraries.of(true, true, false))
        .as((files, texts, closed) -> {
          List<Part> parts = new ArrayList<>(texts);
          parts.addAll(files);
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          for (Part part : parts) {
            body.writeBytes(utf8("--xuke-fuzz\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                + (part.fileName() == null ? "" : "; filename=\"" + part.fileName().replace("\"", "") + "\"")
                + "\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.writeBytes(part.content());
            body.writeBytes(utf8("\r\n"));
          }
          if (closed) {
            body.writeBytes(utf8("--xuke-fuzz--\r\n"));
          }
          return body.toByteArray();
        });
  }

  static final String MULTIPART = "multipart/form-data; boundary=xuke-fuzz";

  /** A file as uploads bring them: a photo, a PDF header, an OOXML or OFD archive, nothing, noise. */
  static Arbitrary<byte[]> fileContent() {
    return Arbitraries.oneOf(
        Arbitraries.just(new byte[0]),
        Arbitraries.just(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}),
        Arbitraries.just(utf8("%PDF-1.7\n%fuzz\n")),
        Arbitraries.of("[Content_Types].xml", "OFD.xml", "word/document.xml").map(FuzzValues::zipWith),
        Arbitraries.just(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2000));
  }

  private static byte[] zipWith(String entry) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(utf8("<x/>"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/x.xml"));
      zip.write(utf8("<x/>"));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An expert CSV file: the real header or another, lines of any fields, in UTF-8 or GB18030. */
  static Arbitrary<byte[]> csv() {
    Arbitrary<String> header = Arbitraries.of(
        "账号,姓名,专长,工作单位,工作单位统一社会信用代码,地区,联系电话,在库,回避企业,电子邮箱",
        "userId,name,specialties,employer,employerCreditCode,region,phone,active,conflicts,email",
        "账号,姓名", "", "\"账号");
    Arbitrary<String> line = text().map(value -> value.replace("\n", " ")).list().ofMaxSize(11)
        .map(values -> String.join(",", values));
    return Combinators.combine(header, line.list().ofMaxSize(5), Arbitraries.of(StandardCharsets.UTF_8,
            Charset.forName("GB18030")))
        .as((head, lines, charset) -> (head + "\r\n" + String.join("\r\n", lines)).getBytes(charset));
  }

  /** A path segment or query value, percent-encoded as a client would send it. */
  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The id-like values a path variable gets besides real ones. */
  static Arbitrary<String> junkId() {
    return Arbitraries.oneOf(
        Arbitraries.of("0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "99999999999999999999", "1.5", "1e3", "0x10", "null", " 1", "１２", "%00"),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of(1000, 3000).map("9"::repeat));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON object of some of the endpoint's fields with nasty values, and maybe a key it does not know. */
  static Arbitrary<Map<String, Object>> objectOf(List<String> fields) {
    List<String> keys = fields.isEmpty() ? List.of("x") : fields;
    return Arbitraries.oneOf(Arbitraries.of(keys), Arbitraries.strings().ofMaxLength(8)).list().uniqueElements()
        .ofMaxSize(keys.size() + 1)
        .flatMap(names -> Combinators.combine(names.stream().map(FuzzValues::field).toList()).as(values -> {
          Map<String, Object> body = new java.util.HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            body.put(names.get(i), values.get(i));
          }
          return body;
        }));
  }

  /**
   * A value for a field, by its name: of the right JSON type but out of every range (huge texts, dates
   * far away, numbers no form allows, lists with null or too many elements), or of any type at all.
   */
  static Arbitrary<Object> field(String name) {
    Arbitrary<Object> typed = switch (name) {
      case "from", "to", "capturedAt", "start" -> Arbitraries.oneOf(date(), Arbitraries.of(SPECIAL), text())
          .map(Object.class::cast);
      case "units", "workingDays", "year", "hours" -> number();
      case "active", "matchesUpload", "afterHours" -> Arbitraries.of(true, false).map(Object.class::cast);
      case "holidays", "workdays" -> list(date().map(Object.class::cast));
      case "materials", "specialties", "inspectors", "experts" -> list(text().map(Object.class::cast));
      case "conflicts" -> list(Combinators.combine(field("creditCode"), field("reason"))
          .as((code, reason) -> {
            Map<String, Object> conflict = new java.util.HashMap<>();
            conflict.put("creditCode", code);
            conflict.put("reason", reason);
            return (Object) conflict;
          }));
      default -> Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, huge()), net.jqwik.api.Tuple.of(1, text()))
          .map(Object.class::cast);
    };
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, typed.injectNull(0.1)),
        net.jqwik.api.Tuple.of(1, json(2, List.of(name))));
  }

  /** A list as a form would never send it: with null elements, empty, or far too long (of short texts). */
  private static Arbitrary<Object> list(Arbitrary<Object> element) {
    return Arbitraries.oneOf(
        element.injectNull(0.3).list().ofMaxSize(4).map(Object.class::cast),
        Arbitraries.just(Arrays.asList((Object) null)).map(Object.class::cast),
        Arbitraries.strings().ofMaxLength(12).map(one -> (Object) java.util.Collections.nCopies(5000, one)));
  }
}
