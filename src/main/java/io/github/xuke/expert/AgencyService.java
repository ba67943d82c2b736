package io.github.xuke.expert;

import io.github.xuke.core.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The intermediary technical agencies: checked like the expert pool, a bad field changes nothing. */
@Service
@Transactional
public class AgencyService {

  private final AgencyRepository agencies;
  private final Clock clock;

  public AgencyService(AgencyRepository agencies, Clock clock) {
    this.agencies = agencies;
    this.clock = clock;
  }

  /** The body of {@code POST/PUT /api/agencies}. */
  public record AgencyRequest(String name, String creditCode, String qualification, String contactName, String phone,
      Boolean active, List<ExpertRequest.ConflictRequest> conflicts) {}

  public List<TechnicalAgency> all() {
    return agencies.findAll();
  }

  public TechnicalAgency create(AgencyRequest request) {
    TechnicalAgency agency = check(request, null);
    if (agencies.findByCreditCode(agency.creditCode()).isPresent()) {
      throw new ApiException(HttpStatus.CONFLICT, "AGENCY_EXISTS", "creditCode", "该机构已在库中");
    }
    return agencies.findById(agencies.insert(agency, now())).orElseThrow();
  }

  public TechnicalAgency update(long id, AgencyRequest request) {
    TechnicalAgency existing = agencies.findById(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到中介技术机构 " + id));
    agencies.update(id, check(request, existing.creditCode()), now());
    return agencies.findById(id).orElseThrow();
  }

  private static TechnicalAgency check(AgencyRequest request, String fixedCode) {
    if (request == null) {
      throw PoolFields.invalid(null, "请求内容为空");
    }
    String name = PoolFields.text(request.name(), "name", "机构名称", 200);
    String code = fixedCode != null ? fixedCode : PoolFields.creditCode(request.creditCode(), "creditCode", "统一社会信用代码");
    String qualification = PoolFields.text(request.qualification(), "qualification", "资质（如安全评价机构资质证书编号）", 200);
    String contact = PoolFields.text(request.contactName(), "contactName", "联系人", 50);
    String phone = PoolFields.phone(request.phone());
    List<Expert.Conflict> conflicts = PoolFields.conflicts(request.conflicts(), "机构申报回避");
    return new TechnicalAgency(0, name, code, qualification, contact, phone,
        request.active() == null || request.active(), conflicts);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
