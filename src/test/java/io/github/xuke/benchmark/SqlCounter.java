package io.github.xuke.benchmark;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.lifecycle.JdbcLifecycleEventListenerAdapter;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what one side sends to its database: every SQL statement executed (each entry of a JDBC
 * batch counts as one statement) and every {@code Connection.commit()}, over all threads, through a
 * datasource-proxy wrapper around that side's {@link DataSource}. Readers take a {@link #snapshot()}
 * before and after the work and subtract.
 */
final class SqlCounter {

  private final LongAdder statements = new LongAdder();
  private final LongAdder commits = new LongAdder();

  /** The statements and commits counted so far. */
  record Snapshot(long statements, long commits) {

    Snapshot minus(Snapshot earlier) {
      return new Snapshot(statements - earlier.statements, commits - earlier.commits);
    }

    Snapshot plus(Snapshot other) {
      return new Snapshot(statements + other.statements, commits + other.commits);
    }

    static final Snapshot ZERO = new Snapshot(0, 0);
  }

  /** The data source, counted. */
  DataSource wrap(String name, DataSource target) {
    return ProxyDataSourceBuilder.create(name, target).listener(new JdbcLifecycleEventListenerAdapter() {
      @Override
      public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        statements.add(execution.isBatch() ? Math.max(execution.getBatchSize(), 1) : Math.max(queries.size(), 1));
      }

      @Override
      public void afterCommit(MethodExecutionContext context) {
        commits.increment();
      }
    }).build();
  }

  Snapshot snapshot() {
    return new Snapshot(statements.sum(), commits.sum());
  }
}
