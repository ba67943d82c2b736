package io.github.xuke.application;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The admin keeps which district each district bureau's staff member works for. */
@RestController
public class StaffDistrictController {

  private final StaffDistricts districts;
  private final CaseAccess access;
  private final IdentityService identityService;
  private final CurrentUser currentUser;

  public StaffDistrictController(StaffDistricts districts, CaseAccess access, IdentityService identityService,
      CurrentUser currentUser) {
    this.districts = districts;
    this.access = access;
    this.identityService = identityService;
    this.currentUser = currentUser;
  }

  /** The district a staff member works for. */
  public record Assignment(String district) {}

  @AllowedGroups(StaffGroup.ADMIN)
  @GetMapping("/api/staff-districts")
  public List<StaffDistricts.StaffDistrict> all() {
    return districts.all();
  }

  @AllowedGroups(StaffGroup.ADMIN)
  @PutMapping("/api/staff-districts/{userId}")
  public StaffDistricts.StaffDistrict assign(@PathVariable String userId, @RequestBody Assignment assignment) {
    String district = TextFields.required(assignment == null ? null : assignment.district(), "district", "区县", 50);
    boolean districtStaff = currentUser.withoutAuthorization(() -> identityService.createUserQuery().userId(userId)
        .memberOfGroup(StaffGroup.DISTRICT_BUREAU.id()).count() > 0);
    if (!districtStaff) {
      throw new ApiException(HttpStatus.CONFLICT, "NOT_DISTRICT_STAFF", "userId",
          "账号 " + TextFields.preview(userId) + " 不是区县安监局的工作人员");
    }
    districts.assign(userId, district);
    return new StaffDistricts.StaffDistrict(userId, district);
  }
}
