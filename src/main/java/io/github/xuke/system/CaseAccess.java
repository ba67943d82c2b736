package io.github.xuke.system;

import io.github.xuke.core.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read and write what through the app's API, in one place. The bureau's own staff (window
 * clerks, case officers, the chief representative, the deputy director, the party committee, the
 * admin) read every case; anybody else reads a case only where a feature's {@link CaseReaders}
 * says so (a drawn expert, while assigned) — the district bureau reads only the notices and licences
 * of its district's enterprises, the liaison cadre no case. Writing follows the step: only the
 * groups named for an endpoint may call it.
 */
@Component
public class CaseAccess {

  /** The groups that see every case of the bureau. */
  public static final Set<StaffGroup> BUREAU = EnumSet.of(StaffGroup.WINDOW_CLERK, StaffGroup.CASE_OFFICER,
      StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR, StaffGroup.PARTY_COMMITTEE, StaffGroup.ADMIN);

  private final IdentityService identityService;
  private final List<CaseReaders> readers;

  public CaseAccess(IdentityService identityService, List<CaseReaders> readers) {
    this.identityService = identityService;
    this.readers = readers;
  }

  /** Refuses (403) unless the acting user is in one of these groups; the admin always is. */
  public void require(StaffGroup... groups) {
    if (!isIn(EnumSet.copyOf(Arrays.asList(groups)))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "您没有执行此操作的权限（仅限"
          + Arrays.stream(groups).map(StaffGroup::displayName).collect(Collectors.joining("、")) + "）。");
    }
  }

  /** Refuses (403) unless the acting user is one of the bureau's own staff. */
  public void requireBureau() {
    require(BUREAU.toArray(StaffGroup[]::new));
  }

  /** Refuses (403) unless the acting user may read this case. */
  public void requireCase(long applicationId) {
    if (!mayRead(applicationId)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_CASE", "applicationId",
          "您无权查看此案件（" + applicationId + "）。");
    }
  }

  /** Refuses (403) unless the acting user is in one of these groups and may read the case. */
  public void requireCase(long applicationId, StaffGroup... writers) {
    require(writers);
    requireCase(applicationId);
  }

  /**
   * Refuses (403) unless the acting user may read what the case issued: its notices and its licence
   * (whoever reads the case file, and the district bureau of the enterprise's district).
   */
  public void requireIssued(long applicationId) {
    if (mayRead(applicationId)) {
      return;
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    boolean issued = authentication != null && authentication.getUserId() != null
        && readers.stream().anyMatch(reader -> reader.mayReadIssued(authentication.getUserId(),
            authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds(), applicationId));
    if (!issued) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN_CASE", "applicationId",
          "您无权查看此案件的文书（" + applicationId + "）。");
    }
  }

  public boolean mayRead(long applicationId) {
    if (isIn(BUREAU)) {
      return true;
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    Collection<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return readers.stream().anyMatch(reader -> reader.mayRead(authentication.getUserId(), groups, applicationId));
  }

  private boolean isIn(Set<StaffGroup> groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null) {
      return false;
    }
    return authentication.getGroupIds().contains(StaffGroup.ADMIN.id())
        || groups.stream().anyMatch(group -> authentication.getGroupIds().contains(group.id()));
  }
}
