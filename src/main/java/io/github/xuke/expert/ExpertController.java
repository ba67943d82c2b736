package io.github.xuke.expert;

import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expert pool and the intermediary technical agencies: read by case officers and supervisors,
 * kept by the chief representative's office (and the admin). Experts themselves do not see the pool.
 */
@RestController
@RequestMapping("/api")
public class ExpertController {

  private final ExpertService experts;
  private final AgencyService agencies;
  private final CurrentUser currentUser;

  public ExpertController(ExpertService experts, AgencyService agencies, CurrentUser currentUser) {
    this.experts = experts;
    this.agencies = agencies;
    this.currentUser = currentUser;
  }

  @GetMapping("/agencies")
  public List<TechnicalAgency> agencies() {
    requireReader();
    return agencies.all();
  }

  @PostMapping(value = "/agencies", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<TechnicalAgency> createAgency(@RequestBody AgencyService.AgencyRequest request) {
    requireKeeper();
    return ResponseEntity.status(HttpStatus.CREATED).body(agencies.create(request));
  }

  @PutMapping("/agencies/{id}")
  public TechnicalAgency updateAgency(@PathVariable long id, @RequestBody AgencyService.AgencyRequest request) {
    requireKeeper();
    return agencies.update(id, request);
  }

  @GetMapping("/experts")
  public List<Expert> all() {
    requireReader();
    return experts.all();
  }

  @GetMapping("/experts/{id}")
  public Expert get(@PathVariable long id) {
    requireReader();
    return experts.get(id);
  }

  @PostMapping(value = "/experts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ExpertService.Saved> create(@RequestBody ExpertRequest request) {
    requireKeeper();
    return ResponseEntity.status(HttpStatus.CREATED).body(experts.create(request));
  }

  @PutMapping("/experts/{id}")
  public Expert update(@PathVariable long id, @RequestBody ExpertRequest request) {
    requireKeeper();
    return experts.update(id, request);
  }

  /** A CSV file as the request body ({@code text/csv}), read as it arrives up to its limit; all lines or none. */
  @PostMapping(value = "/experts/import", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public List<ExpertService.Saved> importCsv(InputStream content) {
    requireKeeper();
    return experts.importCsv(content);
  }

  private void requireReader() {
    if (!currentUser.isIn(StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
        StaffGroup.PARTY_COMMITTEE)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "无权查看专家库");
    }
  }

  private void requireKeeper() {
    if (!currentUser.isIn(StaffGroup.CHIEF_REPRESENTATIVE)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "仅窗口首席代表和管理员可以维护专家库");
    }
  }
}
