package io.github.xuke.system;

import java.util.Arrays;
import java.util.Optional;

/** The bureau's groups: each is a Camunda group, a Tasklist filter and a set of permissions. */
public enum StaffGroup {
  WINDOW_CLERK("window-clerk", "窗口受理人员"),
  CASE_OFFICER("case-officer", "承办人"),
  EXPERT("expert", "专家"),
  CHIEF_REPRESENTATIVE("chief-representative", "窗口首席代表"),
  DEPUTY_DIRECTOR("deputy-director", "分管局长"),
  LIAISON_CADRE("liaison-cadre", "重大项目挂包干部"),
  PARTY_COMMITTEE("party-committee", "局机关党委"),
  DISTRICT_BUREAU("district-bureau", "区县安监局"),
  ADMIN("camunda-admin", "管理员");

  private final String id;
  private final String displayName;

  StaffGroup(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<StaffGroup> byId(String id) {
    return Arrays.stream(values()).filter(group -> group.id.equals(id)).findFirst();
  }
}
