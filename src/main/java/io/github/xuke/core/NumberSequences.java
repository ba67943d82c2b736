package io.github.xuke.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Yearly serial numbers (case numbers, notice numbers per kind, licence numbers per type): one
 * database sequence per series and year. Taking a number locks nothing, so steps that run at the same
 * moment never wait for each other's numbers, and no number is handed out twice — on one node or on
 * several nodes sharing a PostgreSQL.
 *
 * <p>A number taken by a step that is then rolled back (a refused form, a task completed by someone
 * else at the same moment) is not used again: the series has a gap, and the log names the unused
 * number so that the register can show it as void (作废号). Serial numbers of cases, notices and
 * licences must be unique; none of them is required to be gap-free. Notices take their numbers as
 * their step commits ({@code CaseNoticeRepository}), so a lost race leaves no gap among them.
 *
 * <p>A series' sequence is created the first time it is needed (and next year's with it, so that the
 * year's first number needs no schema change), on a connection of its own: H2 commits the running
 * transaction at any DDL. On a database upgraded from the counters of table {@code number_sequence},
 * the sequence starts after the last number that table handed out.
 */
@Repository
public class NumberSequences {

  private static final Logger log = LoggerFactory.getLogger(NumberSequences.class);
  /** Series names that read well as sequence names: {@code case}, {@code notice:ACCEPTANCE}. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z]+(:[A-Z0-9_]+)?");
  private static final int MAX_IDENTIFIER_LENGTH = 63; // PostgreSQL's limit

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final boolean postgres;
  private final Map<String, DataFieldMaxValueIncrementer> sequences = new ConcurrentHashMap<>();

  public NumberSequences(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    String product = databaseProduct(dataSource);
    this.postgres = switch (product) {
      case "PostgreSQL" -> true;
      case "H2" -> false;
      default -> throw new IllegalStateException("Xuke runs on H2 or PostgreSQL, not on " + product);
    };
  }

  /** The next value of {@code name} in {@code year}, starting at 1. */
  public long next(String name, int year) {
    long value = sequences.computeIfAbsent(sequenceName(name, year), sequence -> prepared(name, year, sequence))
        .nextLongValue();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status == STATUS_ROLLED_BACK) {
            log.info("Number {} of series {} {} left unused: its step was rolled back", value, name, year);
          }
        }
      });
    }
    return value;
  }

  /** The database sequence of a series and year. */
  static String sequenceName(String name, int year) {
    String plain = "xuke_nr_" + name.toLowerCase(Locale.ROOT).replace(':', '_') + "_" + year;
    if (PLAIN_NAME.matcher(name).matches() && plain.length() <= MAX_IDENTIFIER_LENGTH) {
      return plain;
    }
    return "xuke_nh_" + sha256(name).substring(0, 24) + "_" + year;
  }

  private DataFieldMaxValueIncrementer prepared(String name, int year, String sequence) {
    createIfMissing(name, year, sequence);
    createIfMissing(name, year + 1, sequenceName(name, year + 1));
    return postgres
        ? new PostgresSequenceMaxValueIncrementer(dataSource, sequence)
        : new H2SequenceMaxValueIncrementer(dataSource, sequence);
  }

  /** Looked up on the caller's connection; created, when missing, on a connection of its own. */
  private void createIfMissing(String name, int year, String sequence) {
    if (exists(jdbc, sequence)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      JdbcClient own = JdbcClient.create(new SingleConnectionDataSource(connection, true));
      long start = own.sql("select last_value from number_sequence where name = ? and seq_year = ?")
          .params(name, year).query(Long.class).optional().orElse(0L) + 1;
      try (Statement statement = connection.createStatement()) {
        // no cache: a crash must not skip numbers silently (only a rolled-back step does, and that is logged)
        statement.execute("create sequence if not exists " + sequence + " start with " + start + " cache 1");
      } catch (SQLException e) {
        // another node created it at the same moment (PostgreSQL may refuse the second creation)
        if (!exists(own, sequence)) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the number sequence " + sequence, e);
    }
  }

  private static boolean exists(JdbcClient jdbc, String sequence) {
    return jdbc.sql("""
            select count(*) from information_schema.sequences
            where lower(sequence_name) = ? and lower(sequence_schema) = lower(current_schema)""")
        .param(sequence).query(Long.class).single() > 0;
  }

  private static String databaseProduct(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot read the database's product name", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
