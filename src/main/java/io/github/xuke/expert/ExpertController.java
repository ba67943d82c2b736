package io.github.xuke.expert;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.StaffGroup;
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

  public ExpertController(ExpertService experts, AgencyService agencies) {
    this.experts = experts;
    this.agencies = agencies;
  }

  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家库")
  @GetMapping("/agencies")
  public List<TechnicalAgency> agencies() {
    return agencies.all();
  }

  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以维护专家库")
  @PostMapping(value = "/agencies", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<TechnicalAgency> createAgency(@RequestBody AgencyService.AgencyRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(agencies.create(request));
  }

  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以维护专家库")
  @PutMapping("/agencies/{id}")
  public TechnicalAgency updateAgency(@PathVariable long id, @RequestBody AgencyService.AgencyRequest request) {
    return agencies.update(id, request);
  }

  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家库")
  @GetMapping("/experts")
  public List<Expert> all() {
    return experts.all();
  }

  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家库")
  @GetMapping("/experts/{id}")
  public Expert get(@PathVariable long id) {
    return experts.get(id);
  }

  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以维护专家库")
  @PostMapping(value = "/experts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ExpertService.Saved> create(@RequestBody ExpertRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(experts.create(request));
  }

  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以维护专家库")
  @PutMapping("/experts/{id}")
  public Expert update(@PathVariable long id, @RequestBody ExpertRequest request) {
    return experts.update(id, request);
  }

  /** A CSV file as the request body ({@code text/csv}), read as it arrives up to its limit; all lines or none. */
  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以维护专家库")
  @PostMapping(value = "/experts/import", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public List<ExpertService.Saved> importCsv(InputStream content) {
    return experts.importCsv(content);
  }


}
