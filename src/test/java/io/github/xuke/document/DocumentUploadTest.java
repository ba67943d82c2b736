package io.github.xuke.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads through {@code POST /api/applications/{id}/materials/{code}/documents}: accepted types by
 * content, a size limit that holds without or with a Content-Length, names that are never paths,
 * downloads with a matching hash — and every refusal stores nothing. (The test limit is 1 MB.)
 */
@XukeTest
class DocumentUploadTest {

  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DocumentProperties properties;
  TestHttp http;
  long applicationId;

  @BeforeEach
  void aCase() {
    http = new TestHttp(port);
    applicationId = http.postJson("/api/applications", "clerk", "demo",
        CaseDriver.apiApplication(CaseDriver.newCreditCode())).json().path("applicationId").asLong();
  }

  @Test
  void aPdfIsStoredUnderAServerNameAndDownloadsWithItsHash() throws Exception {
    TestHttp.Response response = upload("SAFETY_ASSESSMENT_REPORT", "安全评价报告.pdf", PDF, true);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode stored = response.json();
    assertThat(stored.path("sha256").asText()).isEqualTo(sha256(PDF));
    assertThat(stored.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(stored.path("originalName").asText()).isEqualTo("安全评价报告.pdf");
    assertThat(stored.path("storageName").asText()).matches("[0-9a-f-]{36}\\.pdf");
    assertThat(Files.readAllBytes(properties.dir().resolve(stored.path("storageName").asText()))).isEqualTo(PDF);

    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/documents/" + stored.path("id").asLong()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:demo".getBytes())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(sha256(download.body())).isEqualTo(stored.path("sha256").asText());
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(http.get("/api/applications/" + applicationId + "/documents", "clerk", "demo").json()
        .findValuesAsText("sha256")).contains(sha256(PDF));
  }

  @Test
  void officeFilesAreRecognisedByTheirContent() throws IOException {
    byte[] docx = zip("[Content_Types].xml", "word/document.xml");
    assertThat(upload("APPLICATION_FORM", "申请书.docx", docx, true).json().path("contentType").asText())
        .contains("wordprocessingml");
    byte[] ofd = zip("OFD.xml", "Doc_0/Document.xml");
    assertThat(upload("APPLICATION_FORM", "申请书.ofd", ofd, true).json().path("contentType").asText())
        .isEqualTo("application/ofd");
  }

  @Test
  void dangerousOrEmptyFilesAreRefusedAndNothingIsStored() throws IOException {
    long rows = documents();
    long files = files();
    byte[] exe = concat("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), new byte[512]);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    byte[] plainZip = zip("payload.sh");
    for (byte[] bad : List.of(exe, html, svg, plainZip)) {
      TestHttp.Response refused = upload("SAFETY_ASSESSMENT_REPORT", "报告.pdf", bad, true);
      assertThat(refused.status()).isEqualTo(415);
      assertThat(refused.json().path("message").asText()).contains("不接受该文件类型");
    }
    TestHttp.Response empty = upload("SAFETY_ASSESSMENT_REPORT", "空.pdf", new byte[0], true);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("message").asText()).isEqualTo("文件为空");
    assertThat(upload("NO_SUCH_MATERIAL", "a.pdf", PDF, true).status()).isEqualTo(400);
    assertThat(http.postFile("/api/applications/" + applicationId + "/materials/APPLICATION_FORM/documents",
        null, null, "file", "a.pdf", PDF, true).status()).isEqualTo(401);
    assertThat(documents()).isEqualTo(rows);
    assertThat(files()).isEqualTo(files);
  }

  @Test
  void theSizeLimitHoldsWithAndWithoutAContentLength() throws IOException {
    long rows = documents();
    long files = files();
    byte[] tooLarge = concat(PDF, new byte[(int) properties.maxSize().toBytes()]);
    for (boolean withLength : List.of(true, false)) {
      TestHttp.Response refused = upload("SAFETY_ASSESSMENT_REPORT", "大文件.pdf", tooLarge, withLength);
      assertThat(refused.status()).as("with Content-Length: " + withLength).isEqualTo(413);
    }
    assertThat(documents()).isEqualTo(rows);
    assertThat(files()).isEqualTo(files);
  }

  @Test
  void namesAreNeverPaths() throws IOException {
    JsonNode traversal = upload("SAFETY_ASSESSMENT_REPORT", "../../../../etc/passwd.pdf", PDF, true).json();
    assertThat(traversal.path("originalName").asText()).isEqualTo("passwd.pdf");
    JsonNode controls = upload("SAFETY_ASSESSMENT_REPORT", "报\u0001告\u007f.pdf", PDF, true).json();
    assertThat(controls.path("originalName").asText()).isEqualTo("报告.pdf");
    JsonNode longName = upload("SAFETY_ASSESSMENT_REPORT", "n".repeat(1000) + ".pdf", PDF, true).json();
    assertThat(longName.path("originalName").asText()).hasSize(200);
    long rows = documents();
    TestHttp.Response huge = upload("SAFETY_ASSESSMENT_REPORT", "长".repeat(5000) + ".pdf", PDF, true);
    // refused by Tomcat itself (part header over 4 KB), before the app sees it: 413 without a body
    assertThat(huge.status()).as("a part header over 4 KB is refused as too large").isEqualTo(413);
    assertThat(documents()).isEqualTo(rows);
    try (Stream<Path> all = Files.walk(properties.dir().toAbsolutePath().getParent())) {
      assertThat(all.map(Path::getFileName).map(Path::toString)).doesNotContain("passwd.pdf");
    }
  }

  @Test
  void aZipBombIsRefusedAtOnceAndNothingIsStored() throws IOException {
    byte[] bomb = ZipBomb.docx(900);
    assertThat(bomb.length).as("under the upload limit: only the inspection can refuse it")
        .isLessThan((int) properties.maxSize().toBytes());
    long documentsBefore = documents();
    long filesBefore = files();

    long started = System.nanoTime();
    TestHttp.Response refused = upload("APPLICATION_FORM", "申请书.docx", bomb, true);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("a " + bomb.length + "-byte DOCX inflating to 900 MiB refused in " + millis + " ms");

    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.json().path("code").asText()).isEqualTo("ARCHIVE_TOO_LARGE");
    assertThat(refused.json().path("field").asText()).isEqualTo("file");
    assertThat(refused.json().path("message").asText()).contains("压缩炸弹");
    assertThat(documents()).isEqualTo(documentsBefore);
    assertThat(files()).isEqualTo(filesBefore);
  }

  private TestHttp.Response upload(String material, String name, byte[] content, boolean withLength) {
    return http.postFile("/api/applications/" + applicationId + "/materials/" + material + "/documents",
        "clerk", "demo", "file", name, content, withLength);
  }

  private long documents() {
    return jdbc.sql("select count(*) from case_document").query(Long.class).single();
  }

  private long files() throws IOException {
    Files.createDirectories(properties.dir());
    try (Stream<Path> all = Files.list(properties.dir())) {
      return all.count();
    }
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
