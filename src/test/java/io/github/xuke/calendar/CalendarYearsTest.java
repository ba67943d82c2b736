package io.github.xuke.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins keep the calendar current through {@code /api/calendar/years}; bad data changes nothing. */
@XukeTest
class CalendarYearsTest {

  static final String DEADLINE = "/api/calendar/deadline?from=2031-01-01&workingDays=2";

  @LocalServerPort int port;

  @Test
  void anAdminLoadsANewYearAndDeadlinesStopBeingProvisional() {
    TestHttp http = new TestHttp(port);
    JsonNode before = http.get(DEADLINE, null, null).json();
    assertThat(before.path("provisional").asBoolean()).isTrue();
    assertThat(before.path("due").asText()).isEqualTo("2031-01-03");

    Map<String, Object> notice = Map.of("holidays", List.of("2031-01-01", "2031-01-02"),
        "workdays", List.of("2031-01-04"), "source", "国办发明电〔2030〕X号（测试）");
    assertThat(http.putJson("/api/calendar/years/2031", null, null, notice).status()).isEqualTo(401);
    assertThat(http.putJson("/api/calendar/years/2031", "clerk", "demo", notice).status()).isEqualTo(403);
    TestHttp.Response loaded = http.putJson("/api/calendar/years/2031", "admin", "xuke-admin", notice);
    assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    assertThat(loaded.json().path("years").findValuesAsText("source")).contains("国办发明电〔2030〕X号（测试）");

    JsonNode after = http.get(DEADLINE, null, null).json();
    assertThat(after.path("provisional").asBoolean()).isFalse();
    // 2 January (Thursday) is a holiday now; Saturday 4 January is a make-up working day
    assertThat(after.path("due").asText()).isEqualTo("2031-01-04");
  }

  @Test
  void badNoticesAreRefusedAndChangeNothing() {
    TestHttp http = new TestHttp(port);
    String before = http.get("/api/calendar/years", null, null).body();

    TestHttp.Response outside = http.putJson("/api/calendar/years/2032", "admin", "xuke-admin",
        Map.of("holidays", List.of("2031-12-31"), "workdays", List.of(), "source", "测试"));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().path("message").asText()).contains("2031-12-31", "不在 2032 年内");

    TestHttp.Response weekday = http.putJson("/api/calendar/years/2032", "admin", "xuke-admin",
        Map.of("holidays", List.of("2032-01-01"), "workdays", List.of("2032-01-05"), "source", "测试"));
    assertThat(weekday.json().path("message").asText()).contains("2032-01-05", "是工作日");

    TestHttp.Response both = http.putJson("/api/calendar/years/2032", "admin", "xuke-admin",
        Map.of("holidays", List.of("2032-01-03"), "workdays", List.of("2032-01-03"), "source", "测试"));
    assertThat(both.json().path("message").asText()).contains("同时列为");

    TestHttp.Response badDate = http.putJson("/api/calendar/years/2032", "admin", "xuke-admin",
        Map.of("holidays", List.of("2032-02-30"), "workdays", List.of(), "source", "测试"));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().path("field").asText()).isEqualTo("holidays");

    TestHttp.Response broken = http.putJson("/api/calendar/years/2032", "admin", "xuke-admin", "{\"holidays\": [");
    assertThat(broken.status()).isEqualTo(400);

    assertThat(http.get("/api/calendar/years", null, null).body()).isEqualTo(before);
  }
}
