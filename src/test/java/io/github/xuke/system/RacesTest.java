package io.github.xuke.system;

import io.github.xuke.system.ApiExceptionHandler;
import io.github.xuke.core.Races;
import io.github.xuke.core.ApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Which failures are lost races, and how the app's API answers them. */
class RacesTest {

  @Test
  void aChangeSomeoneElseMadeFirstIsALostRaceWhereverTheEngineWrapsIt() {
    assertThat(Races.lost(new OptimisticLockingException("ENGINE-03005 … updated by another transaction concurrently")))
        .isEqualTo(Races.Lost.CONCURRENT_CHANGE);
    assertThat(Races.lost(new ProcessEngineException("Cannot complete task",
        new OptimisticLockingException("ENGINE-03005")))).isEqualTo(Races.Lost.CONCURRENT_CHANGE);
    assertThat(Races.lost(new TaskAlreadyClaimedException("t1", "clerk2"))).isEqualTo(Races.Lost.TASK_CLAIMED);
    assertThat(Races.lost(new NullValueException("Cannot find task with id t1: task is null")))
        .isEqualTo(Races.Lost.TASK_GONE);
    // seen in ConcurrencyTest: the task read before a colleague's completion committed, its execution after
    assertThat(Races.lost(new org.camunda.bpm.engine.ProcessEngineException("Cannot submit task form t1",
        new org.camunda.bpm.engine.impl.pvm.PvmException("cannot signal execution e1: it has no current activity"))))
        .isEqualTo(Races.Lost.TASK_GONE);
  }

  @Test
  void aLockTimeoutADeadlockOrADuplicateKeyIsALostRace() {
    assertThat(Races.lost(new ProcessEnginePersistenceException("flush",
        new SQLException("Timeout trying to lock table", "HYT00", 50200)))).isEqualTo(Races.Lost.CONCURRENT_CHANGE);
    assertThat(Races.lost(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
        .isEqualTo(Races.Lost.CONCURRENT_CHANGE);
    assertThat(Races.lost(new RuntimeException(new SQLException("duplicate key value", "23505"))))
        .isEqualTo(Races.Lost.CONCURRENT_CHANGE);
    assertThat(Races.lost(new CannotAcquireLockException("lock"))).isEqualTo(Races.Lost.CONCURRENT_CHANGE);
  }

  @Test
  void aFaultIsNoRace() {
    assertThat(Races.lost(new IllegalStateException("case 7 is not approved"))).isNull();
    assertThat(Races.lost(new NullValueException("Cannot find execution with id e1"))).isNull();
    assertThat(Races.lost(new org.camunda.bpm.engine.impl.pvm.PvmException("no outgoing sequence flow"))).isNull();
    assertThat(Races.lost(new RuntimeException(new SQLException("syntax error", "42601")))).isNull();
  }

  /** Today's answer was 500 "系统内部错误". */
  @Test
  void theApiAnswersALostRace409InChinese() {
    ResponseEntity<ApiError> answer = new ApiExceptionHandler().unexpected(
        new ProcessEngineException("Cannot submit task form", new OptimisticLockingException("ENGINE-03005")),
        new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/applications/1/clocks/INSPECTION/pause"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody().code()).isEqualTo("CONCURRENT_CHANGE");
    assertThat(answer.getBody().message()).contains("他人同时办理");
  }
}
