package io.github.xuke.licence;

import io.github.xuke.core.NumberSequences;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.github.xuke.notice.DocumentSeal;
import io.github.xuke.notice.NoticePdf;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 发证: the licence of an approved application, numbered per year and licence type, its certificate
 * (printed with its particulars and the QR code of its public verification page) and the certificate
 * re-issued with the bureau's digital signature when the deputy director signs online.
 */
@Service
@Transactional
public class LicenceService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LicenceRepository licences;
  private final LicenceRequirements requirements;
  private final NumberSequences sequences;
  private final WorkingDays workingDays;
  private final XukeProperties properties;
  private final Clock clock;
  private final NoticePdf pdf;
  private final DocumentSeal seal;

  public LicenceService(LicenceRepository licences, LicenceRequirements requirements, NumberSequences sequences,
      WorkingDays workingDays, XukeProperties properties, Clock clock, NoticePdf pdf, DocumentSeal seal) {
    this.licences = licences;
    this.requirements = requirements;
    this.sequences = sequences;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
    this.pdf = pdf;
    this.seal = seal;
  }

  /**
   * Who a licence is issued to, for which case and licence type, with the particulars its certificate
   * names, and who approved it (the chief representative).
   */
  public record Holder(long applicationId, String caseNumber, String licenceType, String holderName,
      String creditCode, String registeredAddress, String principalName, String businessMode,
      String licenceScope, String approvedBy) {

    /** A holder without particulars. */
    public Holder(long applicationId, String caseNumber, String licenceType, String holderName, String creditCode) {
      this(applicationId, caseNumber, licenceType, holderName, creditCode, null, null, null, null, null);
    }
  }

  /**
   * Issues the licence of an approved case, with a new verification code. Issuing twice (a retried job)
   * returns the licence already issued instead of a second one.
   */
  public Licence issue(Holder holder) {
    var existing = licences.findByApplication(holder.applicationId());
    if (existing.isPresent()) {
      return existing.get();
    }
    LicenceTypeRule type = requirements.typeRule(holder.licenceType()).orElseThrow(() ->
        new IllegalStateException("licence type no longer known: " + holder.licenceType()));
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LocalDate issueDate = now.atZoneSameInstant(workingDays.zone()).toLocalDate();
    long serial = sequences.next("licence:" + type.code(), issueDate.getYear());
    String number = "%s%s〔%d〕%06d".formatted(properties.licence().issuerAbbreviation(),
        type.licenceNumberPrefix(), issueDate.getYear(), serial);
    LocalDate validUntil = type.validityYears() == null ? null
        : issueDate.plusYears(type.validityYears()).minusDays(1);
    licences.insert(number, holder, type.code(), issueDate, validUntil, now, newVerificationCode());
    return licences.findByApplication(holder.applicationId()).orElseThrow();
  }

  /** 32 characters of a 192-bit random number (URL-safe Base64): never guessed, never derived from the id. */
  static String newVerificationCode() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The licence issued in a case, if any. */
  @Transactional(readOnly = true)
  public Optional<Licence> ofCase(long applicationId) {
    return licences.findByApplication(applicationId);
  }

  /** The licence whose verification page this code opens; empty for any other text. */
  @Transactional(readOnly = true)
  public Optional<Licence> byVerificationCode(String code) {
    if (code == null || code.length() > 64) {
      return Optional.empty();
    }
    return licences.findByVerificationCode(code);
  }

  /** The address its QR code opens: {@code <xuke.public-url>/verify/<code>}. */
  public String verificationUrl(Licence licence) {
    String base = properties.publicUrl().endsWith("/") ? properties.publicUrl().substring(0, properties.publicUrl().length() - 1)
        : properties.publicUrl();
    return base + "/verify/" + licence.verificationCode();
  }

  /** The licence type's name (its code for a type the rules no longer know). */
  @Transactional(readOnly = true)
  public String typeName(Licence licence) {
    return requirements.typeRule(licence.licenceType()).map(LicenceTypeRule::name).orElse(licence.licenceType());
  }

  /**
   * The certificate as PDF: once the deputy director has signed, the signed re-issue exactly as it was
   * signed; before, or with {@code firstIssue}, the first issue, which carries the chief representative's
   * approval.
   */
  public byte[] certificate(Licence licence, boolean firstIssue) {
    if (!firstIssue && licence.signedAt() != null) {
      return licences.signedCertificate(licence.id()).orElseThrow();
    }
    return print(withCode(licence), false);
  }

  private Licence withCode(Licence licence) {
    if (licence.verificationCode() != null) {
      return licence;
    }
    licences.setVerificationCode(licence.id(), newVerificationCode());
    return licences.findByApplication(licence.applicationId()).orElseThrow();
  }

  /**
   * Re-issues the certificate with the bureau's digital signature, once; the first issue stays printable.
   * Returns whether this call signed it.
   */
  public boolean signCertificate(long applicationId, String by, String signerName) {
    Optional<Licence> found = licences.findByApplication(applicationId);
    if (found.isEmpty() || found.get().signedAt() != null) {
      return false;
    }
    Licence licence = withCode(found.get());
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    byte[] signed = seal.sign(print(licence, true), signerName, "分管局长网签：" + typeName(licence) + " " + licence.licenceNumber(),
        now.toInstant());
    return licences.sign(licence.id(), signed, now, by);
  }

  private byte[] print(Licence licence, boolean signed) {
    LicenceTypeRule type = requirements.typeRule(licence.licenceType()).orElse(null);
    Map<String, String> particulars = new LinkedHashMap<>();
    particulars.put("企业名称", licence.holderName());
    particulars.put("统一社会信用代码", licence.creditCode());
    particulars.put(CertificateParticular.REGISTERED_ADDRESS.label(), licence.registeredAddress());
    particulars.put(CertificateParticular.PRINCIPAL.label(), licence.principalName());
    if (type == null || type.requires(CertificateParticular.BUSINESS_MODE) || licence.businessMode() != null) {
      particulars.put(CertificateParticular.BUSINESS_MODE.label(), licence.businessMode());
    }
    particulars.put(CertificateParticular.SCOPE.label(), licence.licenceScope());
    particulars.put("有效期", NoticePdf.officialDate(licence.issueDate()) + " 至 "
        + (licence.validUntil() == null ? "长期" : NoticePdf.officialDate(licence.validUntil())));
    particulars.put("发证机关", properties.licence().issuerName());
    particulars.put("发证日期", NoticePdf.officialDate(licence.issueDate()));
    particulars.put("证书编号", licence.licenceNumber());
    String footnote = signed ? "本证书已由分管局长网签并加盖" + properties.licence().issuerName() + "电子签章；扫描二维码可核验。"
        : "本证书经窗口首席代表批准签发（先批后签：分管局长网签后换发加盖电子签章的文本）。";
    return pdf.certificate(new NoticePdf.Certificate(typeName(licence), licence.licenceNumber(), particulars,
        properties.licence().issuerName(), licence.issueDate(), verificationUrl(licence), footnote));
  }
}
