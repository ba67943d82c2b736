package io.github.xuke.application;

import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.core.NumberSequences;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.EmbeddedPostgresSchema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's schema and its SQL on a real PostgreSQL (the multi-node database): the migration
 * applies, and yearly numbers stay unique under concurrent transactions.
 */
class PostgresSchemaTest {

  static EmbeddedPostgresSchema postgres;
  static DataSource dataSource;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgresSchema.start("postgres-schema-test");
    dataSource = postgres.dataSource();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void concurrentCaseNumbersAreUniqueAndGapFree() throws Exception {
    NumberSequences sequences = new NumberSequences(dataSource);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    Long first = transaction.execute(status -> sequences.next("case", 2030));
    assertThat(first).isEqualTo(1L);

    Set<Long> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = java.util.stream.IntStream.range(0, 200).<Future<?>>mapToObj(i -> pool.submit(() ->
        numbers.add(transaction.execute(status -> sequences.next("case", 2030))))).toList();
    for (Future<?> future : work) {
      future.get();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(numbers).hasSize(200).allMatch(n -> n >= 2 && n <= 201);
  }

  /** Today's counter row stayed locked until the step's commit: the next caller waited that long. */
  @Test
  void aNumberTakenByAStepStillRunningDoesNotHoldUpTheNext() throws Exception {
    NumberSequences sequences = new NumberSequences(dataSource);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService longStep = Executors.newSingleThreadExecutor();
    try {
      Future<Long> first = longStep.submit(() -> transaction.execute(status -> {
        long number = sequences.next("notice:ACCEPTANCE", 2030);
        taken.countDown();
        try {
          finish.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return number;
      }));
      assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

      long second = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
          sequences.next("notice:ACCEPTANCE", 2030))).get(2, TimeUnit.SECONDS);

      finish.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second).isEqualTo(2);
    } finally {
      finish.countDown();
      longStep.shutdownNow();
    }
  }

  /** Two nodes (two instances, one database) create a new series at once and share it. */
  @Test
  void twoNodesShareASeries() throws Exception {
    NumberSequences node1 = new NumberSequences(dataSource);
    NumberSequences node2 = new NumberSequences(dataSource);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Long>> numbers = List.of(
        pool.submit(() -> node1.next("licence:HAZCHEM_SAFE_USE", 2030)),
        pool.submit(() -> node2.next("licence:HAZCHEM_SAFE_USE", 2030)));
    Set<Long> distinct = new java.util.HashSet<>();
    for (Future<Long> number : numbers) {
      distinct.add(number.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(distinct).containsExactlyInAnyOrder(1L, 2L);
    assertThat(node1.next("licence:HAZCHEM_SAFE_USE", 2030)).isEqualTo(3);
  }

  /** The second of two intakes of a new enterprise waits for the first and uses its row. */
  @Test
  void twoIntakesOfANewEnterpriseAtOnceMakeOneEnterprise() throws Exception {
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    EnterpriseRepository enterprises = new EnterpriseRepository(JdbcClient.create(dataSource), transactions);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    OffsetDateTime now = OffsetDateTime.parse("2030-03-02T01:00:00Z");
    CountDownLatch saved = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<Long> firstId = first.submit(() -> transaction.execute(status -> {
        long id = enterprises.save("91350100M000200Y43", "某公司", "张三", "13812345678", null, now);
        saved.countDown();
        try {
          finish.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return id;
      }));
      assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Long> secondId = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
          enterprises.save("91350100M000200Y43", "某公司", "李四", "13812345679", null, now)));
      Thread.sleep(300); // the second insert now waits for the first transaction
      finish.countDown();

      assertThat(secondId.get(10, TimeUnit.SECONDS)).isEqualTo(firstId.get(10, TimeUnit.SECONDS));
      assertThat(enterprises.findById(secondId.get()).orElseThrow().contactName()).isEqualTo("李四");
    } finally {
      finish.countDown();
      first.shutdownNow();
    }
  }

  @Test
  void theRepositoriesWorkOnPostgres() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    EnterpriseRepository enterprises = new EnterpriseRepository(jdbc, new DataSourceTransactionManager(dataSource));
    ApplicationRepository applications = new ApplicationRepository(jdbc);
    OffsetDateTime now = OffsetDateTime.parse("2026-03-02T01:00:00Z");
    long enterprise = enterprises.save("91350100M000100Y43", "某公司", "张三", "13812345678", null, now);
    assertThat(enterprises.save("91350100M000100Y43", "某公司（更名）", "李四", "13812345679", null, now)).isEqualTo(enterprise);
    long id = applications.insert("XK-2030-000001", enterprise, "某公司", "HAZCHEM_SAFE_USE", "pi", now, "clerk", 5, 45, "DAYS",
        "某安全评价有限公司", "91350100M000100Y43", "危险化学品安全使用许可证", 3, "某市某路 1 号", "李建国", null,
        "甲醇");
    applications.markAccepted(id, now, "clerk", null);
    LicenceApplication application = applications.get(id);
    assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
    assertThat(application.acceptedAt().toInstant()).isEqualTo(now.toInstant());
    assertThat(application.typeName()).isEqualTo("危险化学品安全使用许可证");
    assertThat(application.validityYears()).isEqualTo(3);
    assertThat(enterprises.findById(enterprise).orElseThrow().name()).isEqualTo("某公司（更名）");
  }

  /** An item supplied before supplies were recorded keeps how it came when the item's copy is dropped (V15). */
  @Test
  void upgradingKeepsTheChannelOfAnItemSuppliedBeforeSuppliesWereRecorded() {
    Flyway upgrade = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .schemas("upgrade").table("xuke_schema_history").target("14").load();
    upgrade.migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("""
        insert into upgrade.enterprise (id, credit_code, name, contact_name, contact_phone, created_at, updated_at)
        values (1, '91350100M000100Y43', '某公司', '张三', '13812345678', now(), now())""").update();
    jdbc.sql("""
        insert into upgrade.licence_application (id, case_number, enterprise_id, licence_type, status, received_at,
          received_by) values (1, 'XK-2025-000001', 1, 'HAZCHEM_SAFE_USE', 'ACCEPTED', now(), 'clerk')""").update();
    jdbc.sql("""
        insert into upgrade.material_item (id, application_id, material_code, material_name, key_material, status,
          supplied_at, recorded_by, supply_channel, supply_reference)
        values (1, 1, 'EMERGENCY_PLAN', '应急预案', false, 'SUPPLIED', now(), 'clerk', 'COURIER', 'SF1234567890')""")
        .update();

    // up to V15, the step under test: this schema has none of the engine's tables that V16 indexes
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas("upgrade")
        .table("xuke_schema_history").target("15").load().migrate();

    assertThat(jdbc.sql("select channel, reference, check_result from upgrade.material_supply where material_item_id = 1")
        .query().listOfRows()).singleElement().satisfies(row -> assertThat(row)
            .containsEntry("channel", "COURIER").containsEntry("reference", "SF1234567890")
            .containsEntry("check_result", "ACCEPTED"));
  }
}
