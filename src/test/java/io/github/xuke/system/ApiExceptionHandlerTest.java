package io.github.xuke.system;

import io.github.xuke.system.ApiExceptionHandler;
import io.github.xuke.core.ApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.DateTimeException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The last line: faults only a client's values cause are a 4xx even where no check caught them first. */
class ApiExceptionHandlerTest {

  final ApiExceptionHandler handler = new ApiExceptionHandler();
  final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/anything");

  @Test
  void aTextLongerThanItsColumnIsA400() {
    ResponseEntity<ApiError> answer = handler.unexpected(new DataIntegrityViolationException("insert",
        new SQLException("Value too long for column \"REASON CHARACTER VARYING(1000)\"", "22001")), request);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().code()).isEqualTo("VALUE_TOO_LONG");
  }

  @Test
  void dateArithmeticOutOfRangeIsA400() {
    ResponseEntity<ApiError> answer = handler.unexpected(new DateTimeException("Invalid value for Year"), request);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().message()).contains("日期");
  }

  @Test
  void aWildcardContentTypeIsA415() {
    request.setContentType("*/*");
    ResponseEntity<ApiError> answer = handler.unexpected(
        new IllegalArgumentException("Content-Type cannot contain wildcard type '*'"), request);
    assertThat(answer.getStatusCode().value()).isEqualTo(415);
  }

  @Test
  void anythingElseStaysA500WithoutItsDetails() {
    ResponseEntity<ApiError> answer = handler.unexpected(new IllegalStateException("a bug"), request);
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().message()).doesNotContain("a bug");
  }
}
