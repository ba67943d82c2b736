package io.github.xuke.system;

import io.github.xuke.core.ApiException;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.core.MissingCalendarYearException;
import io.github.xuke.core.Races;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Camunda's engine REST API answers 500 for what is not a fault: a lost race — the same task
 * completed or claimed twice at once, two steps of one case at the same moment — is answered 409, a
 * refused variable value (a foreign Object type, Java serialization, an unknown format; see
 * {@link ObjectVariableTypes}) 400, and a form refused by one of Xuke's steps (a delegate or listener
 * throwing {@link InvalidApplicationException}, {@link ApiException} or {@link MissingCalendarYearException}
 * while a task form, a start form or a completion is submitted) as the app's own API answers it — 400
 * for a refused field — with the Chinese reason alone as its message, without the resource's "Cannot
 * submit task form …:" in front, which Tasklist would show as it is. All with {@code {type, message}}.
 * Everything else (a real engine error, a fault of the app) keeps Camunda's own answer.
 *
 * <p>Jersey picks the exception mapper nearest to the exception's class; at the same distance the one
 * with the lower priority number. These mappers sit at Camunda's own types (ProcessEngineException,
 * RestException — under which the resources wrap engine failures as 500) and outrank them, but only
 * for the failures they recognize ({@link ExtendedExceptionMapper#isMappable}). They serve both
 * {@code /engine-rest} and the webapps' {@code /camunda/api/engine} (see {@link EngineRestConfiguration}).
 */
public final class EngineRestErrors {

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
  /** Ahead of Camunda's mappers, which have the default priority {@link Priorities#USER}. */
  static final int AHEAD_OF_CAMUNDA = Priorities.USER - 1000;

  private EngineRestErrors() {}

  /** Engine failures thrown as they are (claim, set variables, …). */
  @Priority(AHEAD_OF_CAMUNDA)
  public static class EngineFailures implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException failure) {
      return answer(failure) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return logged(failure);
    }
  }

  /** Engine failures wrapped by a resource ("Cannot complete task …", "Cannot submit task form …"). */
  @Priority(AHEAD_OF_CAMUNDA)
  public static class WrappedFailures implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException failure) {
      return answer(failure) != null;
    }

    @Override
    public Response toResponse(RestException failure) {
      return logged(failure);
    }
  }

  /**
   * A refusal to work a task that another user claimed or completed a moment ago (two clerks at one
   * task: the completion removes the task's permissions before the task is gone for the other): the
   * engine answers it as a missing permission, but it is a lost race — 409, as a claim would be.
   */
  @Priority(AHEAD_OF_CAMUNDA)
  public static class ClaimedMeanwhile implements ExtendedExceptionMapper<AuthorizationException> {
    @Override
    public boolean isMappable(AuthorizationException failure) {
      return lostTask(failure) != null;
    }

    @Override
    public Response toResponse(AuthorizationException failure) {
      Races.Lost lost = lostTask(failure);
      log.info("Engine REST request answered 409 instead of 403 ({}): {}", lost, failure.toString());
      return body(Response.Status.CONFLICT, lost == Races.Lost.TASK_GONE ? "TaskNotFoundException"
          : "TaskAlreadyClaimedException", lost.message());
    }
  }

  /**
   * How the refused task was lost to another user — completed (gone) or claimed — or null when the
   * refusal is a real one (the task is there and nobody else's).
   */
  static Races.Lost lostTask(AuthorizationException failure) {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
    if (engine == null || engine.getIdentityService().getCurrentAuthentication() == null) {
      return null;
    }
    String user = engine.getIdentityService().getCurrentAuthentication().getUserId();
    for (MissingAuthorization missing : failure.getMissingAuthorizations()) {
      if (Resources.TASK.resourceName().equals(missing.getResourceType()) && missing.getResourceId() != null
          && !missing.getResourceId().equals("*")) {
        String taskId = missing.getResourceId();
        TaskEntity task = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired().execute(context -> context.getTaskManager().findTaskById(taskId));
        if (task == null) {
          return Races.Lost.TASK_GONE;
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
          return Races.Lost.TASK_CLAIMED;
        }
      }
    }
    return null;
  }

  /** Database failures from the app's own steps (a lock timeout, a deadlock), thrown unwrapped. */
  public static class DatabaseFailures implements ExtendedExceptionMapper<RuntimeException> {
    @Override
    public boolean isMappable(RuntimeException failure) {
      return !(failure instanceof ProcessEngineException) && !(failure instanceof RestException)
          && answer(failure) != null;
    }

    @Override
    public Response toResponse(RuntimeException failure) {
      return logged(failure);
    }
  }

  private static Response logged(Throwable failure) {
    Response answer = answer(failure);
    log.info("Engine REST request answered {} instead of 500: {}", answer.getStatus(), failure.toString());
    return answer;
  }

  /** Xuke's answer, or null to leave the failure to Camunda's mappers. */
  static Response answer(Throwable failure) {
    Races.Lost lost = Races.lost(failure);
    if (lost != null) {
      return body(Response.Status.CONFLICT, switch (lost) {
        case CONCURRENT_CHANGE -> "OptimisticLockingException";
        case TASK_GONE -> "TaskNotFoundException";
        case TASK_CLAIMED -> "TaskAlreadyClaimedException";
      }, lost.message());
    }
    String refused = refusedValue(failure);
    if (refused != null) {
      return body(Response.Status.BAD_REQUEST, "RefusedVariableValue", refused);
    }
    return refusedForm(failure);
  }

  /** The type of a refused form's answer: Camunda's own for a request it refuses, which every client knows. */
  static final String REFUSED_FORM = "InvalidRequestException";

  /**
   * A step's refusal of what was submitted — the first one in the chain of causes — answered with its
   * status and its reason alone; null when the failure is no refusal.
   */
  private static Response refusedForm(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof InvalidApplicationException invalid) {
        return body(Response.Status.BAD_REQUEST.getStatusCode(), REFUSED_FORM, invalid.getMessage(), invalid.field());
      }
      if (cause instanceof ApiException refusal && refusal.status().is4xxClientError()) {
        return body(refusal.status().value(), REFUSED_FORM, refusal.getMessage(), refusal.field());
      }
      if (cause instanceof MissingCalendarYearException missingYear) {
        return body(422, REFUSED_FORM, missingYear.getMessage(), null);
      }
    }
    return null;
  }

  /**
   * Why a variable value was refused, or null. The engine's own refusals carry only English messages,
   * recognized here: Java serialization switched off (ENGINE-17007), a format without a serializer.
   */
  private static String refusedValue(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof ObjectVariableTypes.Refused refused) {
        return refused.getMessage();
      }
      if (cause instanceof ProcessEngineException && cause.getMessage() != null) {
        if (cause.getMessage().contains("Java serialization format is prohibited")) {
          return "变量的值不被接受：本系统不接受 Java 序列化的对象。复杂数据请以 Json 类型提交。";
        }
        if (cause.getMessage().contains("Cannot find serializer for value")) {
          return "变量的值不被接受：不支持该对象的序列化格式。复杂数据请以 Json 类型提交。";
        }
      }
    }
    return null;
  }

  private static Response body(Response.Status status, String type, String message) {
    return body(status.getStatusCode(), type, message, null);
  }

  /** Camunda's error body ({@code type}, {@code message}), and the form field at fault when one is named. */
  private static Response body(int status, String type, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
