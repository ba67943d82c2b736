package io.github.xuke.system;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Xuke's own settings ({@code xuke.*} in application.yaml). */
@ConfigurationProperties("xuke")
public record XukeProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("Asia/Shanghai") ZoneId timeZone,
    Admin admin,
    @DefaultValue("true") boolean demoUsers,
    @DefaultValue("10") int toleranceSupplyWorkingDays,
    Licence licence,
    @DefaultValue("1") int clockWarningWorkingDays,
    @DefaultValue("3") int inspectionWorkingDays,
    Signature signature,
    @DefaultValue("http://localhost:8080") String publicUrl) {

  @ConstructorBinding
  public XukeProperties {
    admin = admin == null ? new Admin("admin", null) : admin;
    licence = licence == null ? new Licence("市应急", "市应急管理局", null, null) : licence;
    signature = signature == null ? new Signature(null, null, null) : signature;
  }

  /** The settings before the bureau's signature and public address were configurable. */
  public XukeProperties(Path dataDir, ZoneId timeZone, Admin admin, boolean demoUsers,
      int toleranceSupplyWorkingDays, Licence licence, int clockWarningWorkingDays, int inspectionWorkingDays) {
    this(dataDir, timeZone, admin, demoUsers, toleranceSupplyWorkingDays, licence, clockWarningWorkingDays,
        inspectionWorkingDays, null, "http://localhost:8080");
  }

  /** The administrator created on an empty database; the password comes from the environment. */
  public record Admin(@DefaultValue("admin") String id, String password) {}

  /**
   * The issuing bureau: its abbreviation starts licence and notice numbers
   * ({@code <issuer><prefix>〔<year>〕<serial>}), its name issues the notices and certificates; the
   * authority that hears an administrative review (行政复议机关) and the court of an administrative suit
   * are named in every decision that may be appealed.
   */
  public record Licence(@DefaultValue("市应急") String issuerAbbreviation,
      @DefaultValue("市应急管理局") String issuerName,
      @DefaultValue("市人民政府") String reviewAuthority,
      @DefaultValue("有管辖权的人民法院") String court) {

    public Licence {
      reviewAuthority = reviewAuthority == null || reviewAuthority.isBlank() ? "市人民政府" : reviewAuthority;
      court = court == null || court.isBlank() ? "有管辖权的人民法院" : court;
    }
  }

  /**
   * The bureau's signing key (PKCS#12): the decision and the certificate are signed with it when the
   * deputy director signs online. Without a keystore, a demo keystore with a self-signed certificate is
   * made on first start at {@code <data-dir>/bureau-seal.p12} (its password in
   * {@code bureau-seal.password} beside it).
   */
  public record Signature(Path keystore, String password, String alias) {}

  /** The keystore that signs, configured or the demo one in the data folder. */
  public Path signatureKeystore() {
    return signature.keystore() != null && !signature.keystore().toString().isBlank() ? signature.keystore() : dataDir.resolve("bureau-seal.p12");
  }
}
