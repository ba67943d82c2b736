package io.github.xuke.expert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The expert pool over HTTP: who may keep it, what a bad field or a bad CSV line does (nothing). */
@XukeTest
class ExpertPoolTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ExpertRepository experts;
  @Autowired ExpertService service;
  @Autowired JdbcClient jdbc;
  TestHttp http;
  final List<String> created = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
  }

  /** Experts made here leave the pool active=false, so other tests' draws stay among the demo experts. */
  @AfterEach
  void retire() {
    for (String userId : created) {
      experts.findByUserId(userId).ifPresent(expert -> jdbc.sql("update expert set active = false where id = ?")
          .param(expert.id()).update());
    }
  }

  static Map<String, Object> expert(String userId) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", userId);
    body.put("name", "赵工");
    body.put("specialties", List.of("化工工艺", "STORAGE"));
    body.put("employer", "市化工设计院");
    body.put("employerCreditCode", CaseDriver.newCreditCode());
    body.put("region", "浦东新区");
    body.put("phone", "13900001111");
    body.put("conflicts", List.of(Map.of("creditCode", CaseDriver.newCreditCode(), "reason", "曾任该企业顾问")));
    return body;
  }

  @Test
  void theChiefRepresentativeAddsAnExpertWhoCanThenLogInAsAnExpert() {
    String userId = "zhaogong" + System.nanoTime() % 100000;
    created.add(userId);
    TestHttp.Response response = http.postJson("/api/experts", "chief", "demo", expert(userId));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode saved = response.json();
    assertThat(saved.path("expert").path("specialties").toString()).contains("CHEMICAL_PROCESS", "STORAGE");
    assertThat(saved.path("expert").path("conflicts").findValuesAsText("reason")).containsExactly("曾任该企业顾问");
    String password = saved.path("initialPassword").asText();
    assertThat(identityService.checkPassword(userId, password)).isTrue();
    assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(io.github.xuke.system.StaffGroup.EXPERT.id()).count()).isEqualTo(1);

    assertThat(http.postJson("/api/experts", "chief", "demo", expert(userId)).status()).isEqualTo(409);
    Map<String, Object> change = expert(userId);
    change.put("active", false);
    change.put("specialties", List.of("消防"));
    JsonNode updated = http.putJson("/api/experts/" + saved.path("expert").path("id").asText(), "chief", "demo", change).json();
    assertThat(updated.path("active").asBoolean()).isFalse();
    assertThat(updated.path("specialties").toString()).isEqualTo("[\"FIRE\"]");
    assertThat(http.get("/api/experts", "officer", "demo").json().findValuesAsText("userId")).contains(userId);
  }

  @Test
  void badFieldsAreRefusedInChineseAndOnlyTheKeeperMayWrite() {
    Map<String, Object> bad = expert("wanggong" + System.nanoTime() % 100000);
    bad.put("specialties", List.of("化工", "消防"));
    TestHttp.Response unknown = http.postJson("/api/experts", "chief", "demo", bad);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).startsWith("专长“化工”无法识别，可选：化工工艺、");
    bad.put("specialties", List.of("消防"));
    bad.put("employerCreditCode", "91310000MA1FL0XX1Z");
    assertThat(http.postJson("/api/experts", "chief", "demo", bad).json().path("message").asText())
        .startsWith("工作单位统一社会信用代码：");
    bad.put("employerCreditCode", null);
    bad.put("userId", "王工");
    assertThat(http.postJson("/api/experts", "chief", "demo", bad).json().path("message").asText())
        .contains("账号只能由字母和数字组成");
    assertThat(identityService.createUserQuery().userId("王工").count()).isZero();

    assertThat(http.postJson("/api/experts", "officer", "demo", expert("x" + System.nanoTime() % 1000)).status())
        .isEqualTo(403);
    assertThat(http.get("/api/experts", "expert", "demo").status()).as("experts do not see the pool").isEqualTo(403);
  }

  @Test
  void aCsvFileIsImportedWholeOrNotAtAllNamingEveryBadLine() throws Exception {
    String suffix = String.valueOf(System.nanoTime() % 100000);
    String header = "账号,姓名,专长,工作单位,工作单位统一社会信用代码,地区,联系电话,在库,回避企业\r\n";
    String good1 = "sun" + suffix + ",孙工,化工工艺;储运,市化工研究院,,闵行区,13900002222,是,\r\n";
    String good2 = "li" + suffix + ",李工,\"电气、消防\",\"某设计院,二所\",,,021-55556666,是," + CaseDriver.newCreditCode() + "\r\n";
    String bad3 = "zhou" + suffix + ",周工,爆破,某单位,,,13900003333,是,\r\n";
    String bad4 = "wu" + suffix + ",,消防,某单位,,,139,是,\r\n";
    long before = experts.findAll().size();

    TestHttp.Response refused = csv(header + good1 + good2 + bad3 + bad4, StandardCharsets.UTF_8);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .startsWith("文件有 2 行错误，未导入任何专家。").contains("第4行：专长“爆破”无法识别", "第5行：请填写姓名");
    assertThat(experts.findAll()).hasSize((int) before);
    assertThat(identityService.createUserQuery().userId("sun" + suffix).count()).isZero();

    created.addAll(List.of("sun" + suffix, "li" + suffix));
    TestHttp.Response imported = csv(header + good1 + good2, Charset.forName("GB18030"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().findValuesAsText("userId")).containsExactly("sun" + suffix, "li" + suffix);
    Expert li = experts.findByUserId("li" + suffix).orElseThrow();
    assertThat(li.employer()).isEqualTo("某设计院,二所");
    assertThat(li.specialties()).containsExactlyInAnyOrder(Specialty.ELECTRICAL, Specialty.FIRE);
    assertThat(li.conflicts()).hasSize(1);
    assertThat(csv("账号,姓名\r\n", StandardCharsets.UTF_8).json().path("message").asText()).startsWith("表头缺少列：专长");
  }

  @Test
  void tenThousandLinesAreImportedInOneGoAndOneBadLineAmongThemStoresNothing() throws Exception {
    int lines = 10_000;
    String prefix = "bulk" + System.nanoTime() % 100000 + "n";
    String conflict = CaseDriver.newCreditCode();
    StringBuilder good = new StringBuilder(HEADER);
    StringBuilder bad = new StringBuilder(HEADER);
    for (int i = 1; i <= lines; i++) {
      String line = prefix + i + ",专家" + i + ",化工工艺;储运,\"某设计院,第" + i % 7 + "所\",,浦东新区,139" + "%08d".formatted(i)
          + ",否," + conflict + "\r\n";
      good.append(line);
      bad.append(i == 5000 ? line.replace("化工工艺;储运", "爆破")
          : i == lines ? line.replace(",139" + "%08d".formatted(i), ",12") : line);
    }
    long expertsBefore = count("expert");
    long usersBefore = count("act_id_user");

    TestHttp.Response refused = csv(bad.toString(), StandardCharsets.UTF_8);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).startsWith("文件有 2 行错误，未导入任何专家。")
        .contains("第5001行：专长“爆破”无法识别", "第10001行：联系电话格式不正确");
    assertThat(count("expert")).isEqualTo(expertsBefore);
    assertThat(count("act_id_user")).isEqualTo(usersBefore);

    try {
      importedWhole(good.toString(), prefix, lines, conflict, expertsBefore, usersBefore);
    } finally {
      forget(prefix);
    }
  }

  private void importedWhole(String file, String prefix, int lines, String conflict, long expertsBefore,
      long usersBefore) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long started = System.nanoTime();
    long cpuBefore = os.getProcessCpuTime();
    TestHttp.Response imported = csv(file, StandardCharsets.UTF_8);
    System.out.println(lines + " expert lines imported over HTTP in " + (System.nanoTime() - started) / 1_000_000
        + " ms (the app's JVM used " + (os.getProcessCpuTime() - cpuBefore) / 1_000_000 + " ms of CPU meanwhile)");

    assertThat(imported.status()).as(imported.body().substring(0, Math.min(500, imported.body().length())))
        .isEqualTo(200);
    assertThat(imported.json().size()).isEqualTo(lines);
    assertThat(count("expert")).isEqualTo(expertsBefore + lines);
    assertThat(count("act_id_user")).isEqualTo(usersBefore + lines);
    Expert sample = experts.findByUserId(prefix + 4321).orElseThrow();
    assertThat(sample.name()).isEqualTo("专家4321");
    assertThat(sample.employer()).isEqualTo("某设计院,第" + 4321 % 7 + "所");
    assertThat(sample.specialties()).containsExactlyInAnyOrder(Specialty.CHEMICAL_PROCESS, Specialty.STORAGE);
    assertThat(sample.conflicts()).extracting(Expert.Conflict::creditCode).containsExactly(conflict);
    assertThat(sample.active()).isFalse();
    String password = imported.json().get(4320).path("initialPassword").asText();
    assertThat(identityService.checkPassword(prefix + 4321, password)).isTrue();
    assertThat(identityService.createUserQuery().userId(prefix + 4321)
        .memberOfGroup(io.github.xuke.system.StaffGroup.EXPERT.id()).count()).isEqualTo(1);
  }

  /**
   * The bulk experts leave the pool again (their accounts stay, harmless): every draw records the whole
   * pool, and ten thousand more would outgrow the other tests' draw records.
   */
  private void forget(String prefix) {
    String bulk = "(select id from expert where user_id like ?)";
    jdbc.sql("delete from expert_specialty where expert_id in " + bulk).param(prefix + "%").update();
    jdbc.sql("delete from expert_conflict where expert_id in " + bulk).param(prefix + "%").update();
    jdbc.sql("delete from expert where user_id like ?").param(prefix + "%").update();
  }

  @Test
  void aFileBeyondTheLimitsIsRefusedWhole() throws Exception {
    long expertsBefore = count("expert");
    TestHttp.Response tooLong = csv(HEADER + "x,y\r\n".repeat(ExpertCsv.MAX_LINES + 1), StandardCharsets.UTF_8);
    assertThat(tooLong.status()).isEqualTo(413);
    assertThat(tooLong.json().path("message").asText()).contains("一次最多导入 " + ExpertCsv.MAX_LINES + " 行");
    TestHttp.Response tooLarge = csv(HEADER + "#".repeat(ExpertCsv.MAX_BYTES), StandardCharsets.UTF_8);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().path("field").asText()).isEqualTo("file");
    assertThat(count("expert")).isEqualTo(expertsBefore);
  }

  static final String HEADER = "账号,姓名,专长,工作单位,工作单位统一社会信用代码,地区,联系电话,在库,回避企业\r\n";

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private TestHttp.Response csv(String content, Charset charset) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/experts/import"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("chief:demo".getBytes()))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content.getBytes(charset))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new TestHttp.Response(response.statusCode(), response.body());
  }
}
