package io.github.xuke.expert;

import io.github.xuke.application.CreditCode;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.web.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool: adding, changing and importing experts. Each expert is a Camunda user in group
 * {@code expert} (so they work in Tasklist), with an initial password shown once. Every write checks
 * everything first: a bad field, or one bad line of a CSV file, changes nothing.
 */
@Service
@Transactional
public class ExpertService {

  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{2,64}");
  static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,30}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** The CSV columns, by their Chinese header (English codes are accepted too). */
  static final Map<String, String> COLUMNS = columns();
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  private final ExpertRepository experts;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ExpertService(ExpertRepository experts, IdentityService identityService, CurrentUser currentUser,
      Clock clock) {
    this.experts = experts;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** An expert as written, and the initial password of a new account (null when the user existed). */
  public record Saved(Expert expert, String initialPassword) {}

  public List<Expert> all() {
    return experts.findAll();
  }

  public Expert get(long id) {
    return experts.findById(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到专家 " + id));
  }

  public Saved create(ExpertRequest request) {
    ExpertData data = check(request, null);
    if (experts.findByUserId(data.userId()).isPresent()) {
      throw new ApiException(HttpStatus.CONFLICT, "EXPERT_EXISTS", "userId", "账号 " + data.userId() + " 已在专家库中");
    }
    return write(List.of(data)).get(0);
  }

  public Expert update(long id, ExpertRequest request) {
    Expert existing = get(id);
    ExpertData data = check(request, existing.userId());
    experts.update(id, data, now());
    currentUser.withoutAuthorization(() -> {
      User user = identityService.createUserQuery().userId(existing.userId()).singleResult();
      if (user != null) {
        user.setFirstName(data.name());
        user.setLastName("");
        if (data.email() != null) {
          user.setEmail(data.email());
        }
        identityService.saveUser(user);
      }
      return null;
    });
    return get(id);
  }

  /**
   * A CSV file of experts (UTF-8 or GB18030, as Excel saves it): new accounts are added, existing
   * ones updated. Any bad line refuses the whole file, naming every bad line.
   */
  public List<Saved> importCsv(byte[] content) {
    List<List<String>> rows = Csv.parse(decode(content));
    if (rows.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "file", "文件为空");
    }
    List<String> header = rows.get(0).stream().map(name -> COLUMNS.getOrDefault(name.strip(), name.strip())).toList();
    List<String> missing = COLUMNS.values().stream().distinct()
        .filter(column -> !column.equals("conflicts") && !column.equals("email"))
        .filter(column -> !header.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file", "表头缺少列：" + String.join("、",
          missing.stream().map(ExpertService::columnName).toList()));
    }
    List<String> problems = new ArrayList<>();
    List<ExpertData> data = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int line = 1; line < rows.size(); line++) {
      List<String> row = rows.get(line);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int column = 0; column < header.size(); column++) {
        values.put(header.get(column), column < row.size() ? row.get(column).strip() : "");
      }
      try {
        ExpertData checked = check(fromCsv(values), null);
        if (!seen.add(checked.userId())) {
          throw new ApiException(HttpStatus.BAD_REQUEST, "DUPLICATE", "userId", "账号 " + checked.userId() + " 在文件中重复");
        }
        data.add(checked);
      } catch (ApiException e) {
        problems.add("第" + (line + 1) + "行：" + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file",
          "文件有 " + problems.size() + " 行错误，未导入任何专家。" + String.join("；", problems));
    }
    return write(data);
  }

  private List<Saved> write(List<ExpertData> all) {
    OffsetDateTime now = now();
    List<Saved> saved = new ArrayList<>();
    for (ExpertData data : all) {
      var existing = experts.findByUserId(data.userId());
      if (existing.isPresent()) {
        experts.update(existing.get().id(), data, now);
        saved.add(new Saved(get(existing.get().id()), null));
        continue;
      }
      long id = experts.insert(data, now);
      String password = currentUser.withoutAuthorization(() -> account(data));
      saved.add(new Saved(get(id), password));
    }
    return saved;
  }

  /** The expert's Camunda user in group expert; a new user gets a password, shown once. */
  private String account(ExpertData data) {
    String password = null;
    if (identityService.createUserQuery().userId(data.userId()).count() == 0) {
      password = newPassword();
      User user = identityService.newUser(data.userId());
      user.setFirstName(data.name());
      user.setLastName("");
      user.setEmail(data.email() != null ? data.email() : data.userId() + "@expert.xuke.invalid");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(data.userId()).memberOfGroup(StaffGroup.EXPERT.id()).count() == 0) {
      identityService.createMembership(data.userId(), StaffGroup.EXPERT.id());
    }
    return password;
  }

  private ExpertData check(ExpertRequest request, String fixedUserId) {
    if (request == null) {
      throw invalid(null, "请求内容为空");
    }
    String userId = fixedUserId != null ? fixedUserId : text(request.userId(), "userId", "账号", 64);
    if (!USER_ID.matcher(userId).matches()) {
      throw invalid("userId", "账号只能由字母和数字组成（2 至 64 位）");
    }
    if (fixedUserId != null && request.userId() != null && !request.userId().strip().equals(fixedUserId)) {
      throw invalid("userId", "账号不能修改");
    }
    String name = text(request.name(), "name", "姓名", 50);
    Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
    for (String text : request.specialties() == null ? List.<String>of() : request.specialties()) {
      specialties.add(Specialty.parse(text).orElseThrow(() -> invalid("specialties", "专长“" + text
          + "”无法识别，可选：" + String.join("、", java.util.Arrays.stream(Specialty.values()).map(Specialty::displayName).toList()))));
    }
    if (specialties.isEmpty()) {
      throw invalid("specialties", "请至少填写一项专长");
    }
    String employer = text(request.employer(), "employer", "工作单位", 200);
    String employerCode = optionalCreditCode(request.employerCreditCode(), "employerCreditCode", "工作单位统一社会信用代码");
    String region = request.region() == null || request.region().isBlank() ? null : request.region().strip();
    if (region != null && region.length() > 50) {
      throw invalid("region", "地区不能超过 50 个字");
    }
    String phone = text(request.phone(), "phone", "联系电话", 30);
    if (!PHONE.matcher(phone).matches()) {
      throw invalid("phone", "联系电话格式不正确");
    }
    List<Expert.Conflict> conflicts = new ArrayList<>();
    for (ExpertRequest.ConflictRequest conflict : request.conflicts() == null
        ? List.<ExpertRequest.ConflictRequest>of() : request.conflicts()) {
      String code = optionalCreditCode(conflict.creditCode(), "conflicts", "回避企业统一社会信用代码");
      if (code == null) {
        throw invalid("conflicts", "请填写回避企业的统一社会信用代码");
      }
      conflicts.add(new Expert.Conflict(code, conflict.reason() == null || conflict.reason().isBlank()
          ? "本人申报回避" : conflict.reason().strip()));
    }
    String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      throw invalid("email", "电子邮箱格式不正确");
    }
    return new ExpertData(userId, name, specialties, employer, employerCode, region, phone,
        request.active() == null || request.active(), conflicts, email);
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

  private static String text(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "请填写" + label);
    }
    if (value.strip().length() > max) {
      throw invalid(field, label + "不能超过 " + max + " 个字");
    }
    return value.strip();
  }

  private static String optionalCreditCode(String value, String field, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    CreditCode.problem(value.strip()).ifPresent(problem -> {
      throw invalid(field, label + "：" + problem);
    });
    return CreditCode.normalize(value.strip());
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_EXPERT", field, message);
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

  private String newPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.append(random.nextInt(10)).append(ALPHABET.charAt(random.nextInt(23))).toString();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
