package io.github.xuke.expert;

import io.github.xuke.core.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * An expert CSV file as Excel writes it (UTF-8 with or without BOM, or GB18030; RFC 4180 quoting, read
 * by Commons CSV; Chinese or English headers), read into requests with their line numbers. Checking
 * them is the pool's job ({@link ExpertService#importCsv}).
 */
final class ExpertCsv {

  /** The columns, by their Chinese header (the English codes are accepted too). */
  static final Map<String, String> COLUMNS = columns();

  /** One line of the file (numbered as a spreadsheet shows it) and what it asks for. */
  record Line(int number, ExpertRequest request) {}

  private ExpertCsv() {}

  /** A file larger than any pool: about 80,000 lines as Excel writes them. */
  static final int MAX_BYTES = 10 * 1024 * 1024;
  /** Lines of experts in one file: a city's pool is a few hundred to a few thousand. */
  static final int MAX_LINES = 20_000;

  /** Reads at most {@link #MAX_BYTES}; a longer body is refused (413) before it is held, let alone parsed. */
  static List<Line> read(InputStream body) {
    byte[] content;
    try {
      content = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_UPLOAD", "file", "文件上传不完整，请重试");
    }
    if (content.length > MAX_BYTES) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "file",
          "文件超过 " + MAX_BYTES / (1024 * 1024) + " MB；请分成多个文件导入");
    }
    return read(content);
  }

  /**
   * Forgiving as a hand-edited file needs: a blank line keeps its number (a spreadsheet counts it), spaces
   * around a quoted field are dropped, text after a closing quote joins the field and an unclosed quote
   * runs to the end of the file. A quote inside an unquoted field is a plain character.
   */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
      .setIgnoreSurroundingSpaces(true).setTrailingData(true).setLenientEof(true).get();

  /**
   * The lines of the file, numbered as records (the header is line 1, a quoted line break stays inside its
   * line). Lines past {@link #MAX_LINES} are only counted, so a file of nothing but line breaks is not held.
   */
  static List<Line> read(byte[] content) {
    long records = 0;
    List<String> header = List.of();
    List<String> missing = List.of();
    List<Line> lines = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(decode(content), FORMAT)) {
      for (CSVRecord record : parser) {
        records++;
        if (records == 1) {
          header = record.stream().map(name -> COLUMNS.getOrDefault(name.strip(), name.strip())).toList();
          missing = missing(header);
        } else if (missing.isEmpty() && records <= MAX_LINES + 1 && !record.stream().allMatch(String::isBlank)) {
          Map<String, String> values = new LinkedHashMap<>();
          for (int column = 0; column < header.size(); column++) {
            values.put(header.get(column), column < record.size() ? record.get(column).strip() : "");
          }
          lines.add(new Line((int) record.getRecordNumber(), fromCsv(values)));
        }
      }
    } catch (IOException | UncheckedIOException unreadable) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file", "文件无法按 CSV 格式读取");
    }
    if (records == 0) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "file", "文件为空");
    }
    if (records - 1 > MAX_LINES) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_MANY_LINES", "file",
          "文件有 " + (records - 1) + " 行，一次最多导入 " + MAX_LINES + " 行；请分成多个文件导入");
    }
    if (!missing.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file", "表头缺少列：" + String.join("、",
          missing.stream().map(ExpertCsv::columnName).toList()));
    }
    return lines;
  }

  private static List<String> missing(List<String> header) {
    return COLUMNS.values().stream().distinct()
        .filter(column -> !column.equals("conflicts") && !column.equals("email"))
        .filter(column -> !header.contains(column)).toList();
  }

  private static ExpertRequest fromCsv(Map<String, String> values) {
    List<String> specialties = List.of(values.getOrDefault("specialties", "").split("[;；、,，/]"))
        .stream().map(String::strip).filter(text -> !text.isEmpty()).toList();
    List<ExpertRequest.ConflictRequest> conflicts = List.of(values.getOrDefault("conflicts", "").split("[;；、,，/]"))
        .stream().map(String::strip).filter(text -> !text.isEmpty())
        .map(code -> new ExpertRequest.ConflictRequest(code, "本人申报回避")).toList();
    String active = values.getOrDefault("active", "");
    return new ExpertRequest(values.get("userId"), values.get("name"), specialties, values.get("employer"),
        values.get("employerCreditCode"), values.get("region"), values.get("phone"),
        !(active.equals("否") || active.equalsIgnoreCase("false") || active.equals("0") || active.equals("停用")),
        conflicts, values.get("email"));
  }
  private static String decode(byte[] content) {
    int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException notUtf8) {
      bytes.position(start);
      return Charset.forName("GB18030").decode(bytes).toString();
    }
  }
  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String[] pair : new String[][] {{"账号", "userId"}, {"姓名", "name"}, {"专长", "specialties"},
        {"工作单位", "employer"}, {"工作单位统一社会信用代码", "employerCreditCode"}, {"地区", "region"},
        {"联系电话", "phone"}, {"在库", "active"}, {"回避企业", "conflicts"}, {"电子邮箱", "email"}}) {
      columns.put(pair[0], pair[1]);
      columns.put(pair[1], pair[1]);
    }
    return columns;
  }
  private static String columnName(String code) {
    return COLUMNS.entrySet().stream().filter(entry -> entry.getValue().equals(code) && !entry.getKey().equals(code))
        .map(Map.Entry::getKey).findFirst().orElse(code);
  }
}
