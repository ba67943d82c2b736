package io.github.xuke.licence;

import io.github.xuke.notice.NoticePdf;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.XukeProperties;
import io.github.xuke.core.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The licence of a case, printed as a certificate (staff). */
@RestController
public class LicenceController {

  private final LicenceRepository licences;
  private final LicenceRequirements requirements;
  private final NoticePdf pdf;
  private final XukeProperties properties;
  private final CaseAccess access;

  public LicenceController(LicenceRepository licences, LicenceRequirements requirements, NoticePdf pdf,
      XukeProperties properties, CaseAccess access) {
    this.access = access;
    this.licences = licences;
    this.requirements = requirements;
    this.pdf = pdf;
    this.properties = properties;
  }

  @GetMapping("/api/applications/{id}/licence/pdf")
  public ResponseEntity<byte[]> certificate(@PathVariable long id) {
    access.requireIssued(id);
    Licence licence = licences.findByApplication(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "该案件尚未发证"));
    String typeName = requirements.typeRule(licence.licenceType()).map(LicenceTypeRule::name)
        .orElse(licence.licenceType());
    String text = typeName + "\n许可证编号：" + licence.licenceNumber()
        + "\n持证单位：" + licence.holderName()
        + "\n统一社会信用代码：" + licence.creditCode()
        + "\n许可事项：" + typeName
        + "\n发证日期：" + licence.issueDate()
        + "\n有效期至：" + (licence.validUntil() == null ? "长期有效" : licence.validUntil().toString());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("licence-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(pdf.print(text, null, properties.licence().issuerName(), licence.issuedAt(), licence.id()));
  }
}
