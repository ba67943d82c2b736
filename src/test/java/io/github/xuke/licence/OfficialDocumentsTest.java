package io.github.xuke.licence;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static io.github.xuke.application.process.CaseDriver.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.notice.DocumentSeal;
import io.github.xuke.notice.Notices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A licence case carried to its decision and signature, and what it prints: the decision and the
 * certificate with every particular, the QR code's public verification page (valid, expired, revoked,
 * renewed, unknown, throttled — without login), and 先批后签 — the decision and the certificate re-issued
 * with a PAdES signature that verifies and covers the whole file, the first issues kept beside them.
 */
@XukeTest
class OfficialDocumentsTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String TYPE = "HAZCHEM_OPERATION_STORAGE";

  @Autowired ProcessEngine engine;
  @Autowired Notices notices;
  @Autowired LicenceService licences;
  @Autowired DocumentSeal seal;
  @Autowired VerificationThrottle throttle;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void reset() {
    ClockUtil.reset();
    throttle.perMinute = VerificationThrottle.PER_MINUTE;
    throttle.forget();
  }

  /** A case approved by the chief on 2026-03-03 with one item tolerated, not yet signed by the deputy. */
  private ProcessInstance approvedCase(CaseDriver driver) {
    at("2026-03-02T09:00");
    List<String> handedIn = driver.completeMaterials(TYPE).stream()
        .filter(code -> !code.equals("SPECIAL_OPERATOR_CERTS")).toList();
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(), TYPE, handedIn));
    driver.accept(instance);
    driver.scheduleInspection(instance); // 2026-03-03 09:00; recorded once it has begun
    at("2026-03-03T10:00");
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, "PASS", "现场与申报材料一致", List.of());
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), Values.APPROVE).putValue(REVIEW_OPINION.name(), "符合许可条件"));
    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form().putValue(APPROVAL_DECISION.name(), Values.APPROVE));
    return instance;
  }

  @Test
  void theDecisionAndCertificateNameEveryParticularAndAreReissuedSignedWhenTheDeputySigns() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = approvedCase(driver);
    long id = driver.applicationId(instance);
    Licence licence = licences.ofCase(id).orElseThrow();
    String holder = licence.holderName();

    // before the signature: the decision with the chief's approval, the pledge in the applicant's words
    CaseNotice decision = only(id, NoticeKind.APPROVAL);
    String decisionText = text(get("/api/notices/" + decision.id() + "/pdf", "clerk").body());
    assertThat(decisionText).contains("准予行政许可决定书", decision.noticeNumber(), holder + "：",
        "第三十八条第一款", "《危险化学品安全管理条例》第三十三条", licence.licenceNumber(), CaseDriver.LICENCE_SCOPE_TEXT,
        CaseDriver.BUSINESS_MODE_TEXT, "2026年3月3日至2029年3月2日", "窗口首席代表", "市应急管理局", "（印章）");
    assertThat(signatures(get("/api/notices/" + decision.id() + "/pdf", "clerk").body())).isEmpty();
    String pledge = text(get("/api/notices/" + only(id, NoticeKind.TOLERANCE_PLEDGE).id() + "/pdf", "clerk").body());
    assertThat(pledge).contains("本企业承诺", "特种作业人员操作证", "法定代表人或授权委托人（签字）").doesNotContain("窗口人员", "（印章）");
    assertThat(text(get("/api/notices/" + only(id, NoticeKind.ACCEPTANCE).id() + "/pdf", "clerk").body()))
        .contains("受理通知书", holder + "：", "第三十二条第一款第（五）项", "5个工作日内");

    // the certificate: every particular of 危险化学品经营许可证, and the QR code of its verification page
    byte[] certificate = get("/api/applications/" + id + "/licence/pdf", "clerk").body();
    String certificateText = normalized(text(certificate));
    assertThat(certificateText).contains("企业名称：" + holder, normalized("注册地址：" + CaseDriver.REGISTERED_ADDRESS_TEXT),
        "主要负责人：" + CaseDriver.PRINCIPAL_NAME_TEXT, "经营方式：" + CaseDriver.BUSINESS_MODE_TEXT,
        "许可范围：" + CaseDriver.LICENCE_SCOPE_TEXT, "有效期：2026年3月3日至2029年3月2日", "发证机关：市应急管理局",
        "发证日期：2026年3月3日", "证书编号：" + licence.licenceNumber());
    String url = io.github.xuke.notice.OfficialNoticesTest.qrCode(certificate);
    assertThat(url).endsWith("/verify/" + licence.verificationCode()).doesNotContain(String.valueOf(licence.id()) + "?");
    assertThat(licence.verificationCode()).hasSize(32);
    HttpResponse<String> page = anonymous(URI.create(url).getPath());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("有效", holder, licence.licenceNumber(), "危险化学品经营许可证（带储存设施）", "2029-03-02")
        .doesNotContain(CaseDriver.PRINCIPAL_NAME_TEXT, CaseDriver.REGISTERED_ADDRESS_TEXT, licence.creditCode());

    // the deputy signs online: both re-issued signed, the first issues kept
    at("2026-03-04T16:00");
    driver.complete(instance, TASK_SIGN_ONLINE, "deputy", form().putValue(SIGNATURE_CONFIRMED.name(), true));
    List<CaseNotice> decisions = notices.ofCase(id).stream().filter(n -> n.kind() == NoticeKind.APPROVAL).toList();
    assertThat(decisions).hasSize(2);
    assertThat(decisions.get(0).signed()).isFalse();
    CaseNotice signed = decisions.get(1);
    assertThat(signed.signed()).isTrue();
    assertThat(signed.noticeNumber()).isEqualTo(decision.noticeNumber());
    assertThat(signed.reissueOf()).isEqualTo(decision.id());
    byte[] signedDecision = get("/api/notices/" + signed.id() + "/pdf", "clerk").body();
    assertThat(text(signedDecision)).contains("已由分管局长", "网签", "电子签章");
    assertValidPades(signedDecision, "准予行政许可决定书");
    assertThat(signatures(get("/api/notices/" + decision.id() + "/pdf", "clerk").body())).as("first issue unsigned").isEmpty();

    byte[] signedCertificate = get("/api/applications/" + id + "/licence/pdf", "clerk").body();
    assertValidPades(signedCertificate, "网签");
    byte[] firstIssue = get("/api/applications/" + id + "/licence/first-issue/pdf", "clerk").body();
    assertThat(signatures(firstIssue)).isEmpty();
    assertThat(text(firstIssue)).contains("首席代表批准");
    assertThat(licences.ofCase(id).orElseThrow().signedBy()).isEqualTo("deputy");
    pdfsig(signedDecision);
    pdfsig(signedCertificate);

    // the case file index lists both issues
    String index = normalized(text(get("/api/applications/" + id + "/file-index/pdf", "clerk").body()));
    assertThat(index).contains("卷内目录", "序号", "文件名称", "文号", "日期", "页数", "准予行政许可决定书（电子签章版）",
        normalized(decision.noticeNumber()), "受理通知书", "容缺受理承诺书", "（首次签发）", "（电子签章版）");
    save("signed-decision.pdf", signedDecision);
    save("signed-certificate.pdf", signedCertificate);
  }

  @Test
  void theVerificationPageSaysExpiredRevokedRenewedAndNotFoundWithoutLogin() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    long id = driver.applicationId(approvedCase(driver));
    ClockUtil.reset();
    Licence licence = licences.ofCase(id).orElseThrow();
    String path = "/verify/" + licence.verificationCode();

    jdbc.sql("update licence set valid_until = ? where id = ?").params(LocalDate.of(2020, 1, 1), licence.id()).update();
    assertThat(anonymous(path).body()).contains("已过期");
    jdbc.sql("update licence set renewed_by = ? where id = ?").params("市应急危化经字〔2029〕000009", licence.id()).update();
    assertThat(anonymous(path).body()).contains("已换发", "市应急危化经字〔2029〕000009");
    jdbc.sql("update licence set revoked_at = ? where id = ?")
        .params(java.time.OffsetDateTime.parse("2026-05-01T02:00:00Z"), licence.id()).update();
    assertThat(anonymous(path).body()).contains("已撤销", "2026-05-01");

    for (String wrong : List.of("/verify/" + "A".repeat(32), "/verify/" + licence.id(), "/verify/x%27or%271%27=%271")) {
      HttpResponse<String> answer = anonymous(wrong);
      assertThat(answer.statusCode()).as(wrong).isEqualTo(404);
      assertThat(answer.body()).as(wrong).contains("未找到该许可证").doesNotContain(licence.holderName());
    }
    // with a staff login the page is the same public page
    assertThat(get(path, "clerk").statusCode()).isEqualTo(200);

    throttle.forget();
    throttle.perMinute = 3;
    for (int i = 0; i < 3; i++) {
      assertThat(anonymous(path).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> throttled = anonymous(path);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("查询过于频繁", "秒后再试");
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }

  /** A PAdES signature that covers the whole file and verifies with the bureau's certificate. */
  private void assertValidPades(byte[] pdf, String reason) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getFilter()).isEqualTo(PDSignature.FILTER_ADOBE_PPKLITE.getName());
      assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
      assertThat(signature.getReason()).contains(reason);
      int[] range = signature.getByteRange();
      assertThat(range[0]).isZero();
      assertThat(range[2] + range[3]).as("the signature covers the whole file").isEqualTo(pdf.length);
      byte[] signedContent = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), cms(signature.getContents(pdf)));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
          .iterator().next();
      X509Certificate bureau = seal.certificate();
      assertThat(holder.getEncoded()).isEqualTo(bureau.getEncoded());
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))).isTrue();
      assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
      assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES: time in /M").isNull();
      // a changed byte inside the signed range breaks it
      byte[] tampered = signedContent.clone();
      tampered[tampered.length / 2] ^= 1;
      SignerInformation again = new CMSSignedData(new CMSProcessableByteArray(tampered), cms(signature.getContents(pdf)))
          .getSignerInfos().getSigners().iterator().next();
      boolean stillValid;
      try {
        stillValid = again.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      } catch (org.bouncycastle.cms.CMSException broken) {
        stillValid = false;
      }
      assertThat(stillValid).isFalse();
      assertThat(MessageDigest.isEqual(signedContent, tampered)).isFalse();
    }
  }

  /** The CMS of a signature's /Contents, without the zeros that pad it to its reserved size. */
  private static org.bouncycastle.asn1.cms.ContentInfo cms(byte[] contents) throws IOException {
    try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
      return org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
    }
  }

  /** Poppler's own check, where poppler-utils is installed: the signature is valid and covers the file. */
  private static void pdfsig(byte[] pdf) throws Exception {
    Path tool = Path.of("/usr/bin/pdfsig");
    if (!Files.isExecutable(tool)) {
      return;
    }
    Path file = Files.createTempFile("signed", ".pdf");
    try {
      Files.write(file, pdf);
      Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out).contains("Signature is Valid.", "Total document signed", "ETSI.CAdES.detached");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private CaseNotice only(long id, NoticeKind kind) {
    return notices.ofCase(id).stream().filter(notice -> notice.kind() == kind).findFirst().orElseThrow();
  }

  private static List<PDSignature> signatures(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getSignatureDictionaries();
    }
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
    return response;
  }

  private HttpResponse<String> anonymous(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return normalized(new PDFTextStripper().getText(document));
    }
  }

  private static String normalized(String text) {
    return text.replaceAll("[\\s　]", "");
  }

  private static void save(String name, byte[] pdf) throws IOException {
    Path folder = Path.of("target", "official-documents");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), pdf);
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
  }
}
