package io.github.xuke.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where each side keeps its data, with the same settings for all: an H2 file database per side
 * ({@code WRITE_DELAY=0}, as Xuke's {@code application.yaml} configures it), or one database per
 * side on an embedded PostgreSQL server.
 */
sealed interface BenchmarkDatabase extends AutoCloseable {

  /** JDBC settings of one side's database. */
  record Jdbc(String url, String user, String password) {}

  /** The database of the side named {@code name}, whose files (if any) live in {@code dataDir}. */
  Jdbc jdbc(String name, Path dataDir);

  /** H2's trace file of a side (the database errors H2 logged), when the database has one. */
  Optional<Path> traceFile(Path dataDir);

  String describe();

  @Override
  void close();

  static BenchmarkDatabase of(String kind) {
    return switch (kind) {
      case "h2" -> new H2();
      case "postgres" -> Postgres.start();
      default -> throw new IllegalArgumentException("benchmark.database is h2 or postgres, not " + kind);
    };
  }

  /** H2 in a file under the side's data folder, URL as in Xuke's {@code application.yaml}. */
  final class H2 implements BenchmarkDatabase {

    static final String FILE = "xuke";

    @Override
    public Jdbc jdbc(String name, Path dataDir) {
      return new Jdbc("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
          "sa", "");
    }

    @Override
    public Optional<Path> traceFile(Path dataDir) {
      return Optional.of(dataDir.resolve(FILE + ".trace.db"));
    }

    @Override
    public String describe() {
      return "H2 " + org.h2.engine.Constants.VERSION + " (file, WRITE_DELAY=0)";
    }

    @Override
    public void close() {}
  }

  /** One embedded PostgreSQL server (zonky, as PostgresSchemaTest uses), one database per side. */
  final class Postgres implements BenchmarkDatabase {

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
      this.server = server;
    }

    static Postgres start() {
      try {
        return new Postgres(EmbeddedPostgres.builder().start());
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }

    @Override
    public Jdbc jdbc(String name, Path dataDir) {
      String database = name.replaceAll("[^a-z0-9]", "_");
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + database, e);
      }
      return new Jdbc(server.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    @Override
    public Optional<Path> traceFile(Path dataDir) {
      return Optional.empty();
    }

    @Override
    public String describe() {
      try (Connection connection = server.getPostgresDatabase().getConnection()) {
        return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (zonky embedded)";
      } catch (SQLException e) {
        return "PostgreSQL (zonky embedded)";
      }
    }

    @Override
    public void close() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The size of a file, 0 when it does not exist. */
  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
