package io.github.xuke.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/calendar/working-days-left}: what Tasklist shows under each task of a page, asked
 * once for the page — the working days left today (the engine's clock, the bureau's zone) until each due day.
 */
@XukeTest
class WorkingDaysLeftTest {

  @LocalServerPort int port;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theWorkingDaysLeftFollowTheCalendarAndTheBureausDay() {
    // Wednesday 2 December 2026, 00:30 in Shanghai — still 1 December in UTC
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-02T00:30").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    JsonNode answer = new TestHttp(port).get("/api/calendar/working-days-left?due=2026-12-07&due=2026-12-02"
        + "&due=2026-12-01&due=2098-01-02", null, null).json();

    assertThat(answer.path("today").asText()).isEqualTo("2026-12-02");
    JsonNode left = answer.path("left");
    assertThat(left.path("2026-12-07").asInt()).as("Thursday, Friday and Monday").isEqualTo(3);
    assertThat(left.path("2026-12-02").asInt()).as("due today").isZero();
    assertThat(left.path("2026-12-01").asInt()).as("one working day overdue").isEqualTo(-1);
    assertThat(answer.path("provisional").toString()).as("2098 has no holiday data")
        .contains("2098-01-02").doesNotContain("2026-12-07");
    // National Day week: 1–7 October 2026 are holidays
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-09-30T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(new TestHttp(port).get("/api/calendar/working-days-left?due=2026-10-09", null, null).json()
        .path("left").path("2026-10-09").asInt()).isEqualTo(2);
  }

  @Test
  void badDueDaysAreRefusedInChinese() {
    TestHttp http = new TestHttp(port);
    TestHttp.Response none = http.get("/api/calendar/working-days-left", null, null);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("message").asText()).contains("到期日期");

    TestHttp.Response impossible = http.get("/api/calendar/working-days-left?due=2026-02-30", null, null);
    assertThat(impossible.status()).isEqualTo(400);
    assertThat(impossible.json().path("field").asText()).isEqualTo("due");
    assertThat(impossible.json().path("message").asText()).contains("YYYY-MM-DD");

    TestHttp.Response outside = http.get("/api/calendar/working-days-left?due=1999-12-31", null, null);
    assertThat(outside.status()).isEqualTo(400);

    String many = IntStream.rangeClosed(1, CalendarController.MAX_DUE_DAYS + 1)
        .mapToObj(day -> "due=2026-12-" + String.format("%02d", Math.min(day, 28))).collect(Collectors.joining("&"));
    TestHttp.Response tooMany = http.get("/api/calendar/working-days-left?" + many, null, null);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("message").asText()).contains("一次最多查询");
  }
}
