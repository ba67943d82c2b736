package io.github.xuke.expert;

import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.InitialPasswords;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Accounts asked for in one identity query (an IN list the databases take comfortably), or written in one flush. */
  static final int ACCOUNT_QUERY = 500;

  private final ExpertRepository experts;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final CurrentUser currentUser;
  private final Clock clock;

  public ExpertService(ExpertRepository experts, IdentityService identityService,
      ProcessEngineConfigurationImpl engineConfiguration, CurrentUser currentUser, Clock clock) {
    this.experts = experts;
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
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
    Expert data = check(request, null);
    if (experts.findByUserId(data.userId()).isPresent()) {
      throw new ApiException(HttpStatus.CONFLICT, "EXPERT_EXISTS", "userId", "账号 " + data.userId() + " 已在专家库中");
    }
    refuseOtherAccount(data.userId());
    return write(List.of(data)).get(0);
  }

  /**
   * An expert account is an expert's own: the admin, a staff member or an enterprise account can
   * never be made one (it would gain an expert's access, or an expert's pool row a staff login).
   */
  private void refuseOtherAccount(String userId) {
    List<String> groups = currentUser.withoutAuthorization(() -> identityService.createGroupQuery()
        .groupMember(userId).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    if (groups.stream().anyMatch(group -> !group.equals(StaffGroup.EXPERT.id()))) {
      throw new ApiException(HttpStatus.CONFLICT, "ACCOUNT_NOT_EXPERT", "userId",
          "账号 " + userId + " 已是管理员、本局工作人员或企业账号，不能登记为专家");
    }
  }

  public Expert update(long id, ExpertRequest request) {
    Expert existing = get(id);
    Expert data = check(request, existing.userId());
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
   * A CSV file of experts (UTF-8 or GB18030, as Excel saves it; at most {@link ExpertCsv#MAX_BYTES} bytes
   * and {@link ExpertCsv#MAX_LINES} lines): new accounts are added, existing ones updated. Any bad line
   * refuses the whole file, naming every bad line. Linear in the lines: the pool and the accounts are
   * read once for the whole file and written in batches.
   */
  public List<Saved> importCsv(InputStream content) {
    List<String> problems = new ArrayList<>();
    List<Expert> checked = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (ExpertCsv.Line line : ExpertCsv.read(content)) {
      try {
        Expert expert = check(line.request(), null);
        if (lineOf.putIfAbsent(expert.userId(), line.number()) != null) {
          throw PoolFields.invalid("userId", "账号 " + expert.userId() + " 在文件中重复");
        }
        checked.add(expert);
      } catch (ApiException e) {
        problems.add("第" + line.number() + "行：" + e.getMessage());
      }
    }
    Set<String> pool = experts.idsByUserId().keySet();
    List<String> newAccounts = lineOf.keySet().stream().filter(userId -> !pool.contains(userId)).toList();
    for (String userId : existingUsers(newAccounts)) {
      try {
        refuseOtherAccount(userId);
      } catch (ApiException e) {
        problems.add("第" + lineOf.get(userId) + "行：" + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CSV", "file",
          "文件有 " + problems.size() + " 行错误，未导入任何专家。" + String.join("；", problems));
    }
    return write(checked);
  }

  /** Which of these accounts exist already (asked once per {@value #ACCOUNT_QUERY}). */
  private Set<String> existingUsers(List<String> userIds) {
    Set<String> users = new HashSet<>();
    currentUser.withoutAuthorization(() -> {
      for (int from = 0; from < userIds.size(); from += ACCOUNT_QUERY) {
        String[] chunk = userIds.subList(from, Math.min(userIds.size(), from + ACCOUNT_QUERY)).toArray(String[]::new);
        identityService.createUserQuery().userIdIn(chunk).list().forEach(user -> users.add(user.getId()));
      }
      return null;
    });
    return users;
  }

  /** Writes checked experts: the pool's rows in batches, then their accounts, each looked up once. */
  private List<Saved> write(List<Expert> all) {
    OffsetDateTime now = now();
    Map<String, Long> existing = experts.idsByUserId();
    Map<Long, Expert> changed = new LinkedHashMap<>();
    List<Expert> added = new ArrayList<>();
    for (Expert data : all) {
      Long id = existing.get(data.userId());
      if (id != null) {
        changed.put(id, data);
      } else {
        added.add(data);
      }
    }
    experts.updateAll(changed, now);
    Map<String, Long> ids = new HashMap<>(experts.insertAll(added, now));
    changed.forEach((id, data) -> ids.put(data.userId(), id));
    Map<String, String> passwords = currentUser.withoutAuthorization(() -> accounts(added));
    return all.stream().map(data -> new Saved(stored(ids.get(data.userId()), data), passwords.get(data.userId())))
        .toList();
  }

  /** The expert as just written (the checked data with its id), without reading the pool again. */
  private static Expert stored(long id, Expert data) {
    return new Expert(id, data.userId(), data.name(), data.specialties(), data.employer(), data.employerCreditCode(),
        data.region(), data.phone(), data.active(), data.conflicts(), data.email());
  }

  /**
   * The Camunda users of new experts, in group expert: a user that does not exist yet gets an initial
   * password (shown once); which users and memberships exist is asked once per {@value #ACCOUNT_QUERY}
   * accounts. The initial passwords, by account.
   */
  private Map<String, String> accounts(List<Expert> added) {
    List<String> userIds = added.stream().map(Expert::userId).toList();
    Set<String> users = new HashSet<>();
    Set<String> members = new HashSet<>();
    for (int from = 0; from < userIds.size(); from += ACCOUNT_QUERY) {
      String[] chunk = userIds.subList(from, Math.min(userIds.size(), from + ACCOUNT_QUERY)).toArray(String[]::new);
      identityService.createUserQuery().userIdIn(chunk).list().forEach(user -> users.add(user.getId()));
      identityService.createUserQuery().userIdIn(chunk).memberOfGroup(StaffGroup.EXPERT.id()).list()
          .forEach(user -> members.add(user.getId()));
    }
    // one engine command per chunk of accounts: the identity service's calls join it, and the engine
    // writes the chunk's users and memberships in one flush (its ordering of a flush grows with the
    // square of its entities, so the chunks stay small); all of it in the import's one transaction
    Map<String, String> passwords = new HashMap<>();
    for (int from = 0; from < added.size(); from += ACCOUNT_QUERY) {
      List<Expert> chunk = added.subList(from, Math.min(added.size(), from + ACCOUNT_QUERY));
      engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
        for (Expert data : chunk) {
          if (!users.contains(data.userId())) {
            String password = InitialPasswords.next();
            User user = identityService.newUser(data.userId());
            user.setFirstName(data.name());
            user.setLastName("");
            user.setEmail(data.email() != null ? data.email() : data.userId() + "@expert.xuke.invalid");
            user.setPassword(password);
            identityService.saveUser(user);
            passwords.put(data.userId(), password);
          }
          if (!members.contains(data.userId())) {
            identityService.createMembership(data.userId(), StaffGroup.EXPERT.id());
          }
        }
        return null;
      });
    }
    return passwords;
  }

  private Expert check(ExpertRequest request, String fixedUserId) {
    if (request == null) {
      throw PoolFields.invalid(null, "请求内容为空");
    }
    String userId = fixedUserId != null ? fixedUserId : PoolFields.text(request.userId(), "userId", "账号", 64);
    if (!USER_ID.matcher(userId).matches()) {
      throw PoolFields.invalid("userId", "账号只能由字母和数字组成（2 至 64 位）");
    }
    if (fixedUserId != null && request.userId() != null && !request.userId().strip().equals(fixedUserId)) {
      throw PoolFields.invalid("userId", "账号不能修改");
    }
    String name = PoolFields.text(request.name(), "name", "姓名", 50);
    Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
    for (String text : TextFields.list(request.specialties(), "specialties", "专长", PoolFields.MAX_LIST)) {
      specialties.add(Specialty.parse(text).orElseThrow(() -> PoolFields.invalid("specialties", "专长“"
          + TextFields.preview(text) + "”无法识别，可选：" + String.join("、",
              java.util.Arrays.stream(Specialty.values()).map(Specialty::displayName).toList()))));
    }
    if (specialties.isEmpty()) {
      throw PoolFields.invalid("specialties", "请至少填写一项专长");
    }
    String employer = PoolFields.text(request.employer(), "employer", "工作单位", 200);
    String employerCode = PoolFields.optionalCreditCode(request.employerCreditCode(), "employerCreditCode", "工作单位统一社会信用代码");
    String region = TextFields.optional(request.region(), "region", "地区", 50);
    String phone = PoolFields.phone(request.phone());
    List<Expert.Conflict> conflicts = PoolFields.conflicts(request.conflicts(), "本人申报回避");
    String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      throw PoolFields.invalid("email", "电子邮箱格式不正确");
    }
    return new Expert(0, userId, name, specialties, employer, employerCode, region, phone,
        request.active() == null || request.active(), conflicts, email);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
