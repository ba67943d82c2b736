package io.github.xuke.licence;

import io.github.xuke.notice.NoticePdf;
import io.github.xuke.system.XukeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 许可证核验: the public page the QR code on every certificate opens, without login. It says whether the
 * licence is valid, expired, revoked or renewed, with holder, type, number and validity — no personal
 * data (no principal's name, no contact). A code that names no licence is a plain 404; one address may
 * ask {@link VerificationThrottle#PER_MINUTE} times a minute, then waits (429 with Retry-After).
 */
@RestController
public class VerificationController {

  /** The codes {@link LicenceService} makes: 32 URL-safe Base64 characters. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{32}");
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final LicenceService licences;
  private final VerificationThrottle throttle;
  private final XukeProperties properties;
  private final Clock clock;

  VerificationController(LicenceService licences, VerificationThrottle throttle, XukeProperties properties,
      Clock clock) {
    this.licences = licences;
    this.throttle = throttle;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/verify/{code}")
  public ResponseEntity<String> verify(@PathVariable String code, HttpServletRequest request) {
    Optional<Duration> wait = throttle.ask(request.getRemoteAddr());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      return page(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
          .body(html("查询过于频繁", "<p>查询过于频繁，请 " + seconds + " 秒后再试。</p>"));
    }
    Optional<Licence> found = CODE.matcher(code).matches() ? licences.byVerificationCode(code) : Optional.empty();
    if (found.isEmpty()) {
      return page(HttpStatus.NOT_FOUND).body(html("未找到该许可证",
          "<p class=\"standing unknown\">未找到该许可证</p><p>请核对二维码或核验地址。</p>"));
    }
    Licence licence = found.get();
    LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
    Licence.Standing standing = licence.standingOn(today);
    StringBuilder body = new StringBuilder();
    body.append("<p class=\"standing ").append(standing.name().toLowerCase()).append("\">")
        .append(standing.label()).append("</p>\n<dl>\n");
    row(body, "许可证名称", licences.typeName(licence));
    row(body, "证书编号", licence.licenceNumber());
    row(body, "持证单位", licence.holderName());
    row(body, "有效期", licence.issueDate() + " 至 " + (licence.validUntil() == null ? "长期" : licence.validUntil().toString()));
    row(body, "发证机关", properties.licence().issuerName());
    row(body, "发证日期", licence.issueDate().toString());
    if (standing == Licence.Standing.REVOKED) {
      row(body, "撤销日期", licence.revokedAt().atZoneSameInstant(properties.timeZone()).toLocalDate().toString());
    }
    if (standing == Licence.Standing.RENEWED) {
      row(body, "换发后证书编号", licence.renewedBy());
    }
    body.append("</dl>\n<p class=\"checked\">核验时间：")
        .append(NoticePdf.officialDate(today)).append("（以本页显示为准）</p>");
    return page(HttpStatus.OK).body(html("许可证核验：" + standing.label(), body.toString()));
  }

  private static void row(StringBuilder body, String label, String value) {
    body.append("<dt>").append(label).append("</dt><dd>").append(HtmlUtils.htmlEscape(value == null ? "—" : value))
        .append("</dd>\n");
  }

  private static ResponseEntity.BodyBuilder page(HttpStatus status) {
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore());
  }

  private String html(String title, String body) {
    String issuer = HtmlUtils.htmlEscape(properties.licence().issuerName());
    return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title><link rel="stylesheet" href="/verify.css"></head>
        <body><main>
        <h1>%s 行政许可证核验</h1>
        %s
        </main></body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(title), issuer, body);
  }
}
