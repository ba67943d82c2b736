package io.github.xuke.expert;

import io.github.xuke.core.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An expert CSV file as Excel writes it (UTF-8 with or without BOM, or GB18030; RFC 4180 quoting;
 * Chinese or English headers), read into requests with their line numbers. Checking them is the
 * pool's job ({@link ExpertService#importCsv}).
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

  static List<Line> read(byte[] content) {
    List<List<String>> rows = parse(decode(content));
    if (rows.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "file", "文件为空");
    }
    if (rows.size() - 1 > MAX_LINES) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_MANY_LINES", "file",
          "文件有 " + (rows.size() - 1) + " 行，一次最多导入 " + MAX_LINES + " 行；请分成多个文件导入");
    }
    List<String> header = rows.get(0).stream().map(name -> COLUMNS.getOrDefault(name.strip(), name.strip())).toList();
    List<String> missing = COLUMNS.values().stream().distinct()
        .filter(column -> !column.equals("conflicts") && !column.equals("email"))
        .filter(column -> !header.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file", "表头缺少列：" + String.join("、",
          missing.stream().map(ExpertCsv::columnName).toList()));
    }
    List<Line> lines = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      List<String> row = rows.get(line);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int column = 0; column < header.size(); column++) {
        values.put(header.get(column), column < row.size() ? row.get(column).strip() : "");
      }
      lines.add(new Line(line + 1, fromCsv(values)));
    }
    return lines;
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

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
