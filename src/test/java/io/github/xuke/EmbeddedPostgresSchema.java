package io.github.xuke;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL (zonky embedded) with the schema as the app builds it: the engine creates its
 * tables first, then Xuke's migrations run (V16 indexes one of the engine's tables).
 */
public final class EmbeddedPostgresSchema implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final ProcessEngine engine;

  private EmbeddedPostgresSchema(String engineName) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(postgres.getPostgresDatabase()).setDatabaseSchemaUpdate("true").setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setProcessEngineName(engineName);
    // the bureau's group ids have hyphens, as in application.yaml
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    engine = configuration.buildProcessEngine();
    Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")
        .table("xuke_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  /** A new database; the engine of that name runs on it until {@link #close()}. */
  public static EmbeddedPostgresSchema start(String engineName) throws IOException {
    return new EmbeddedPostgresSchema(engineName);
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public ProcessEngine engine() {
    return engine;
  }

  @Override
  public void close() throws IOException {
    engine.close();
    postgres.close();
  }
}
