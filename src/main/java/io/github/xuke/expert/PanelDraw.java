package io.github.xuke.expert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draw of an expert panel, as a pure function of its inputs, so that anyone holding the record
 * (seed, pool, loads, exclusions) can run it again and get the same panel.
 *
 * <p>Excluded: inactive experts, those employed by the applicant or by the firm that wrote its
 * safety evaluation, those with a declared conflict, those who reviewed the same enterprise in the
 * last 12 months, and whom the case already excludes (on the panel, declined). Each required
 * specialty is covered first, then the remaining seats from all eligible experts. Each seat is a
 * weighted random pick among the eligible, weight {@code 1 / (1 + assignments in the last 12 months)}:
 * the less an expert served lately, the likelier the pick, so the load rotates. Candidates are taken
 * in id order; the random numbers come from SplitMix64 (Steele, Lea, Flood 2014) started at the
 * recorded seed — a published generator written out below, so the draw can be re-run anywhere.
 * ({@link java.util.Random} was not good enough: neighbouring seeds gave nearly the same first number.)
 */
public final class PanelDraw {

  /** The algorithm's version, recorded with each draw. */
  public static final String VERSION = "xuke-panel-draw-1 (SplitMix64, weight 1/(1+load))";

  private PanelDraw() {}

  /** An expert as the draw sees them: their load and whether they served this enterprise lately. */
  public record Candidate(long expertId, String userId, String name, Set<Specialty> specialties,
      boolean active, String employerCreditCode, List<Expert.Conflict> conflicts, int recentAssignments,
      int recentReviewsOfEnterprise) {

    static Candidate of(Expert expert, int recentAssignments, int recentReviewsOfEnterprise) {
      return new Candidate(expert.id(), expert.userId(), expert.name(), expert.specialties(), expert.active(),
          expert.employerCreditCode(), expert.conflicts(), recentAssignments, recentReviewsOfEnterprise);
    }

    double weight() {
      return 1.0 / (1 + recentAssignments);
    }
  }

  /** What is drawn for which enterprise; {@code excluded}: experts the case already rules out, with why. */
  public record Request(long seed, int seats, List<Specialty> requiredSpecialties, String enterpriseCreditCode,
      String evaluatorCreditCode, Map<Long, String> excluded) {}

  public record Exclusion(long expertId, String name, List<String> reasons) {}

  public record Pick(long expertId, String userId, String name, Specialty forSpecialty, double weight) {}

  public record Result(String version, long seed, List<Long> eligible, List<Exclusion> exclusions,
      List<Pick> picks, List<String> shortfalls) {}

  public static Result draw(List<Candidate> pool, Request request) {
    List<Candidate> ordered = pool.stream().sorted(Comparator.comparingLong(Candidate::expertId)).toList();
    List<Candidate> eligible = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    for (Candidate candidate : ordered) {
      List<String> reasons = reasons(candidate, request);
      if (reasons.isEmpty()) {
        eligible.add(candidate);
      } else {
        exclusions.add(new Exclusion(candidate.expertId(), candidate.name(), reasons));
      }
    }
    SplitMix64 random = new SplitMix64(request.seed());
    Map<Long, Pick> picks = new LinkedHashMap<>();
    List<String> shortfalls = new ArrayList<>();
    for (Specialty specialty : request.requiredSpecialties()) {
      if (picks.size() >= request.seats()) {
        break;
      }
      List<Candidate> options = eligible.stream()
          .filter(candidate -> !picks.containsKey(candidate.expertId()))
          .filter(candidate -> candidate.specialties().contains(specialty)).toList();
      if (options.isEmpty()) {
        shortfalls.add("没有可抽取的“" + specialty.displayName() + "”专业专家");
        continue;
      }
      Candidate chosen = weighted(options, random);
      picks.put(chosen.expertId(), new Pick(chosen.expertId(), chosen.userId(), chosen.name(), specialty, chosen.weight()));
    }
    while (picks.size() < request.seats()) {
      List<Candidate> options = eligible.stream().filter(candidate -> !picks.containsKey(candidate.expertId())).toList();
      if (options.isEmpty()) {
        shortfalls.add("合格专家不足：需要 " + request.seats() + " 名，只抽到 " + picks.size() + " 名");
        break;
      }
      Candidate chosen = weighted(options, random);
      picks.put(chosen.expertId(), new Pick(chosen.expertId(), chosen.userId(), chosen.name(), null, chosen.weight()));
    }
    return new Result(VERSION, request.seed(), eligible.stream().map(Candidate::expertId).toList(), exclusions,
        List.copyOf(picks.values()), shortfalls);
  }

  /** An intermediary technical agency as the draw sees it. */
  /** One expert's or agency's last 12 months: panels (services) taken, and of those for this enterprise. */
  public record Load(int panels, int servedEnterprise) {
    static final Load NONE = new Load(0, 0);
  }

  public record AgencyCandidate(long agencyId, String name, String creditCode, boolean active,
      List<Expert.Conflict> conflicts, int recentAssignments, int recentServicesOfEnterprise) {

    static AgencyCandidate of(TechnicalAgency agency, int recentAssignments, int recentServicesOfEnterprise) {
      return new AgencyCandidate(agency.id(), agency.name(), agency.creditCode(), agency.active(), agency.conflicts(),
          recentAssignments, recentServicesOfEnterprise);
    }
  }

  public record AgencyResult(List<Long> eligible, List<Exclusion> exclusions, Long agencyId, String name,
      String shortfall) {}

  /**
   * The agency supporting the review, by the same rules: not the applicant, not the firm that wrote
   * its safety evaluation, no declared conflict, no service to the enterprise in 12 months; weighted
   * {@code 1 / (1 + load)}. Its random numbers are SplitMix64 from the seed XOR {@link #AGENCY_STREAM},
   * so the agency draw does not depend on how many experts were drawn.
   */
  public static AgencyResult drawAgency(List<AgencyCandidate> pool, Request request) {
    List<AgencyCandidate> eligible = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    for (AgencyCandidate candidate : pool.stream().sorted(Comparator.comparingLong(AgencyCandidate::agencyId)).toList()) {
      List<String> reasons = new ArrayList<>();
      if (!candidate.active()) {
        reasons.add("已停用");
      }
      if (candidate.creditCode().equals(request.enterpriseCreditCode())) {
        reasons.add("即为申请企业");
      }
      if (candidate.creditCode().equals(request.evaluatorCreditCode())) {
        reasons.add("为申请企业出具了安全评价报告");
      }
      candidate.conflicts().stream()
          .filter(conflict -> conflict.creditCode().equals(request.enterpriseCreditCode()))
          .forEach(conflict -> reasons.add("申报回避：" + conflict.reason()));
      if (candidate.recentServicesOfEnterprise() > 0) {
        reasons.add("12 个月内为该企业提供过技术服务");
      }
      if (reasons.isEmpty()) {
        eligible.add(candidate);
      } else {
        exclusions.add(new Exclusion(candidate.agencyId(), candidate.name(), reasons));
      }
    }
    List<Long> ids = eligible.stream().map(AgencyCandidate::agencyId).toList();
    if (eligible.isEmpty()) {
      return new AgencyResult(ids, exclusions, null, null, "没有可抽取的中介技术机构");
    }
    SplitMix64 random = new SplitMix64(request.seed() ^ AGENCY_STREAM);
    double total = eligible.stream().mapToDouble(candidate -> 1.0 / (1 + candidate.recentAssignments())).sum();
    double point = random.nextDouble() * total;
    AgencyCandidate chosen = eligible.get(eligible.size() - 1);
    for (AgencyCandidate candidate : eligible) {
      point -= 1.0 / (1 + candidate.recentAssignments());
      if (point < 0) {
        chosen = candidate;
        break;
      }
    }
    return new AgencyResult(ids, exclusions, chosen.agencyId(), chosen.name(), null);
  }

  /** Separates the agency's random stream from the experts'. */
  public static final long AGENCY_STREAM = 0x5DEECE66DL;

  static List<String> reasons(Candidate candidate, Request request) {
    List<String> reasons = new ArrayList<>();
    if (!candidate.active()) {
      reasons.add("已停用");
    }
    String employer = candidate.employerCreditCode();
    if (employer != null && employer.equals(request.enterpriseCreditCode())) {
      reasons.add("受聘于申请企业");
    }
    if (employer != null && employer.equals(request.evaluatorCreditCode())) {
      reasons.add("受聘于为申请企业出具安全评价报告的机构");
    }
    candidate.conflicts().stream()
        .filter(conflict -> conflict.creditCode().equals(request.enterpriseCreditCode())
            || conflict.creditCode().equals(request.evaluatorCreditCode()))
        .forEach(conflict -> reasons.add("申报回避：" + conflict.reason()));
    if (candidate.recentReviewsOfEnterprise() > 0) {
      reasons.add("12 个月内评审过该企业");
    }
    String excluded = request.excluded().get(candidate.expertId());
    if (excluded != null) {
      reasons.add(excluded);
    }
    return reasons;
  }

  /** SplitMix64: each number is the seed advanced by the golden gamma, then mixed. */
  static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      this.state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1): the top 53 bits. */
    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }

  private static Candidate weighted(List<Candidate> options, SplitMix64 random) {
    double total = options.stream().mapToDouble(Candidate::weight).sum();
    double point = random.nextDouble() * total;
    for (Candidate option : options) {
      point -= option.weight();
      if (point < 0) {
        return option;
      }
    }
    return options.get(options.size() - 1);
  }
}
