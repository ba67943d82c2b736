package io.github.xuke.system;

import io.github.xuke.core.Races;
import io.github.xuke.core.TextFields;
import io.github.xuke.core.ApiError;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.core.MissingCalendarYearException;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.time.DateTimeException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals into {@link ApiError} bodies with Chinese messages. */
@RestControllerAdvice(basePackages = "io.github.xuke")
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.field(), e.getMessage()));
  }

  @ExceptionHandler(InvalidApplicationException.class)
  ResponseEntity<ApiError> invalidApplication(InvalidApplicationException e) {
    return ResponseEntity.badRequest()
        .body(new ApiError("INVALID_APPLICATION", e.field(), e.getMessage()));
  }

  @ExceptionHandler(MissingCalendarYearException.class)
  ResponseEntity<ApiError> missingYear(MissingCalendarYearException e) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ApiError("CALENDAR_YEAR_MISSING", String.valueOf(e.getYear()), e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(new ApiError("MISSING_PARAMETER", e.getParameterName(),
        "缺少参数：" + e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(new ApiError("INVALID_PARAMETER", e.getName(),
        "参数格式不正确：" + e.getName() + "=" + e.getValue()));
  }

  /**
   * Spring Security's firewall checks parameter and header names and values only when they are first
   * read; a name it refuses (a control or non-character) then surfaces inside the request.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ApiError> rejected(RequestRejectedException e) {
    log.info("API request rejected by the firewall: {}", TextFields.preview(e.getMessage()));
    return ResponseEntity.badRequest().body(new ApiError("REQUEST_REJECTED", null,
        "请求含有不允许的字符（参数名、参数值或请求头），已拒绝。"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest()
        .body(new ApiError("UNREADABLE_BODY", null, "请求内容不是有效的 JSON，或字段类型不正确。"));
  }

  /**
   * Anything else: a refusal wrapped by the engine (an expression that hit a year without calendar
   * data, a delegate's validation) is answered as such, a lost race ({@link Races}) as 409; so are a
   * Content-Type that names no type ({@code *}{@code /*}) and the faults that only a client's values
   * cause (see {@link #clientFault}); a real fault is logged and answered 500.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    Races.Lost lost = Races.lost(e);
    if (lost != null) {
      log.info("API request lost a race ({}): {}", lost, e.toString());
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(lost.name(), null, lost.message()));
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MissingCalendarYearException missingYear) {
        return missingYear(missingYear);
      }
      if (cause instanceof InvalidApplicationException invalid) {
        return invalidApplication(invalid);
      }
    }
    String contentType = request.getContentType();
    if (e instanceof IllegalArgumentException && contentType != null && contentType.contains("*")) {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError("UNSUPPORTED_MEDIA_TYPE",
          null, "请求的 Content-Type 不能含通配符：" + TextFields.preview(contentType)));
    }
    ResponseEntity<ApiError> refused = clientFault(e);
    if (refused != null) {
      log.warn("API request refused as the client's fault; a check before the database or the date arithmetic "
          + "should have named the field", e);
      return refused;
    }
    if (e instanceof ErrorResponse response) {
      return ResponseEntity.status(response.getStatusCode()).body(new ApiError(
          "HTTP_" + response.getStatusCode().value(), null, "请求无法处理：" + response.getBody().getDetail()));
    }
    log.error("API request failed", e);
    return ResponseEntity.internalServerError().body(new ApiError("INTERNAL_ERROR", null,
        "系统内部错误，请稍后重试；如持续出现，请联系管理员。"));
  }

  /**
   * The faults nothing but the request's values can cause, which no check before them caught: a text
   * longer than its column, a number or date the database or the date arithmetic cannot hold. Null for
   * any other fault.
   */
  private static ResponseEntity<ApiError> clientFault(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        switch (sql.getSQLState()) {
          case "22001":
            return ResponseEntity.badRequest().body(new ApiError("VALUE_TOO_LONG", null, "填写的内容过长，请缩短后重试。"));
          case "22003":
            return ResponseEntity.badRequest().body(new ApiError("VALUE_OUT_OF_RANGE", null, "填写的数值超出范围。"));
          case "22007", "22008":
            return ResponseEntity.badRequest().body(new ApiError("INVALID_DATE", null, "填写的日期或时间超出范围。"));
          default:
            return null;
        }
      }
      if (cause instanceof DateTimeException) {
        return ResponseEntity.badRequest().body(new ApiError("INVALID_DATE", null, "填写的日期或时间超出可处理的范围。"));
      }
      if (cause instanceof ArithmeticException) {
        return ResponseEntity.badRequest().body(new ApiError("VALUE_OUT_OF_RANGE", null, "填写的数值超出可处理的范围。"));
      }
    }
    return null;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(new ApiError("FILE_TOO_LARGE", "file", "文件超过大小限制"));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> badMultipart(MultipartException e) {
    return ResponseEntity.badRequest().body(new ApiError("BAD_UPLOAD", "file", "上传内容不完整或格式不正确"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(new ApiError("FORBIDDEN", null, "您没有执行此操作的权限。"));
  }
}
