package io.github.xuke.benchmark;

import io.github.xuke.XukeApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Xuke itself ({@link XukeApplication}, as packaged) started in this JVM on its own data folder: web
 * server on a free port, job executor off (timers would fire in the middle of a measurement),
 * the notification outbox not sent, and its data source counted ({@link CountingDataSourceConfiguration}).
 * Everything else is the production configuration, database URL included.
 */
final class RunningXuke implements AutoCloseable {

  /** The admin's password, as the app sets it on an empty database. */
  static final String ADMIN_PASSWORD = System.getenv().getOrDefault("XUKE_ADMIN_PASSWORD", "xuke-admin");

  private final ConfigurableApplicationContext context;
  private final Path dataDir;

  private RunningXuke(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.dataDir = dataDir;
  }

  static RunningXuke start(BenchmarkDatabase database, String name, Path dataDir) {
    BenchmarkDatabase.Jdbc jdbc = database.jdbc(name, dataDir);
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--xuke.data-dir=" + dataDir.toAbsolutePath(),
        "--camunda.bpm.job-execution.enabled=false",
        "--xuke.notifications.enabled=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=warn"));
    if (!(database instanceof BenchmarkDatabase.H2)) {
      arguments.add("--spring.datasource.url=" + jdbc.url());
      arguments.add("--spring.datasource.username=" + jdbc.user());
      arguments.add("--spring.datasource.password=" + jdbc.password());
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(XukeApplication.class,
        CountingDataSourceConfiguration.class).run(arguments.toArray(String[]::new));
    return new RunningXuke(context, dataDir);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  SqlCounter counter() {
    return context.getBean(SqlCounter.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    context.close();
  }
}
