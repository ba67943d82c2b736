package io.github.xuke.core;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Failures that mean another request did the same thing at the same moment — two clerks completing
 * one task, two windows opening one account — rather than a fault: the request lost a race, nothing
 * of it was stored, and the user should look again. Answered 409 with a Chinese message, never 500.
 */
public final class Races {

  /** What the lost race was about. */
  public enum Lost {
    /** Someone else changed the same thing first (an optimistic lock, a row lock, a deadlock, a duplicate key). */
    CONCURRENT_CHANGE("该事项刚被他人同时办理或修改，本次操作未生效。请刷新后查看最新情况，如仍需办理请重新提交。"),
    /** The task was completed (or cancelled) by someone else first. */
    TASK_GONE("该任务已不存在：可能已由他人办理完成或已撤销，本次提交未生效。请刷新任务列表。"),
    /** Another user claimed the task first. */
    TASK_CLAIMED("该任务已被他人认领，请刷新任务列表。");

    private final String message;

    Lost(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /**
   * SQL states: unique violation, serialization failure, deadlock, lock not available (PostgreSQL's
   * {@code lock_timeout}); H2's lock timeout and concurrent update.
   */
  private static final Set<String> RACE_SQL_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "90131");

  private Races() {}

  /** The race a failure lost, or null when it is not a race. */
  public static Lost lost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyClaimedException) {
        return Lost.TASK_CLAIMED;
      }
      if (cause instanceof NullValueException && cause.getMessage() != null
          && cause.getMessage().contains("Cannot find task with id")) {
        return Lost.TASK_GONE;
      }
      // the task was read before a colleague's completion committed, its execution after: the case
      // has moved on (the engine names no exception type for it, only this message)
      if (cause instanceof PvmException && cause.getMessage() != null
          && cause.getMessage().contains("has no current activity")) {
        return Lost.TASK_GONE;
      }
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof DuplicateKeyException
          || cause instanceof SQLException sql && sql.getSQLState() != null && RACE_SQL_STATES.contains(sql.getSQLState())) {
        return Lost.CONCURRENT_CHANGE;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
