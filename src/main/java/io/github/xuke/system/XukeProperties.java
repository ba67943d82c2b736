package io.github.xuke.system;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
    @DefaultValue("3") int inspectionWorkingDays) {

  public XukeProperties {
    admin = admin == null ? new Admin("admin", null) : admin;
    licence = licence == null ? new Licence("市应急", "市应急管理局") : licence;
  }

  /** The administrator created on an empty database; the password comes from the environment. */
  public record Admin(@DefaultValue("admin") String id, String password) {}

  /**
   * The issuing bureau: its abbreviation starts licence and notice numbers
   * ({@code <issuer><prefix>〔<year>〕<serial>}), its name signs the notices.
   */
  public record Licence(@DefaultValue("市应急") String issuerAbbreviation,
      @DefaultValue("市应急管理局") String issuerName) {}
}
