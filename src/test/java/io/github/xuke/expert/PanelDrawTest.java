package io.github.xuke.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The draw itself, over many seeds: fair to the rotation rule, blind to conflicted experts, reproducible. */
class PanelDrawTest {

  static final String APPLICANT = "91310000MA1FL0XX1A";
  static final String EVALUATOR = "91310000MA1FL0YY2B";
  static final int DRAWS = 10_000;

  /** A generated pool of 60, about a third conflicted one way or another, loads 0 to 5. */
  static List<PanelDraw.Candidate> pool() {
    Random random = new Random(20261126);
    List<PanelDraw.Candidate> pool = new ArrayList<>();
    Specialty[] specialties = Specialty.values();
    for (long id = 1; id <= 60; id++) {
      Set<Specialty> knows = EnumSet.of(specialties[(int) (id % specialties.length)],
          specialties[random.nextInt(specialties.length)]);
      boolean active = id % 10 != 1;
      String employer = id % 20 == 2 ? APPLICANT : id % 20 == 3 ? EVALUATOR : "9131000000000" + id;
      List<Expert.Conflict> conflicts = id % 20 == 4 ? List.of(new Expert.Conflict(APPLICANT, "亲属任职")) : List.of();
      int reviewedApplicant = id % 20 == 9 ? 1 : 0;
      pool.add(new PanelDraw.Candidate(id, "e" + id, "专家" + id, knows, active, employer, conflicts,
          random.nextInt(6), reviewedApplicant));
    }
    return pool;
  }

  static boolean conflicted(PanelDraw.Candidate candidate) {
    return !candidate.active() || APPLICANT.equals(candidate.employerCreditCode())
        || EVALUATOR.equals(candidate.employerCreditCode()) || !candidate.conflicts().isEmpty()
        || candidate.recentReviewsOfEnterprise() > 0;
  }

  static PanelDraw.Request request(long seed, int seats, List<Specialty> specialties) {
    return new PanelDraw.Request(seed, seats, specialties, APPLICANT, EVALUATOR, Map.of());
  }

  @Test
  void noConflictedExpertIsEverPickedAndEveryExclusionHasItsReason() {
    List<PanelDraw.Candidate> pool = pool();
    Set<Long> conflicted = new java.util.HashSet<>();
    pool.stream().filter(PanelDrawTest::conflicted).forEach(candidate -> conflicted.add(candidate.expertId()));
    assertThat(conflicted).hasSize(18);
    for (long seed = 0; seed < DRAWS; seed++) {
      PanelDraw.Result result = PanelDraw.draw(pool, request(seed, 3,
          List.of(Specialty.CHEMICAL_PROCESS, Specialty.FIRE, Specialty.STORAGE)));
      assertThat(result.picks()).hasSize(3).noneMatch(pick -> conflicted.contains(pick.expertId()));
      assertThat(result.picks()).extracting(PanelDraw.Pick::expertId).doesNotHaveDuplicates();
      assertThat(result.exclusions()).extracting(PanelDraw.Exclusion::expertId)
          .containsExactlyInAnyOrderElementsOf(conflicted);
    }
    PanelDraw.Result one = PanelDraw.draw(pool, request(7, 3, List.of()));
    assertThat(one.exclusions()).filteredOn(exclusion -> exclusion.expertId() == 2)
        .singleElement().satisfies(exclusion -> assertThat(exclusion.reasons()).contains("受聘于申请企业"));
    assertThat(one.exclusions()).filteredOn(exclusion -> exclusion.expertId() == 3)
        .singleElement().satisfies(exclusion -> assertThat(exclusion.reasons())
            .contains("受聘于为申请企业出具安全评价报告的机构"));
    assertThat(one.exclusions()).filteredOn(exclusion -> exclusion.expertId() == 4)
        .singleElement().satisfies(exclusion -> assertThat(exclusion.reasons()).contains("申报回避：亲属任职"));
    assertThat(one.exclusions()).filteredOn(exclusion -> exclusion.expertId() == 9)
        .singleElement().satisfies(exclusion -> assertThat(exclusion.reasons()).contains("12 个月内评审过该企业"));
    assertThat(one.exclusions()).filteredOn(exclusion -> exclusion.expertId() == 11)
        .singleElement().satisfies(exclusion -> assertThat(exclusion.reasons()).contains("已停用"));
  }

  @Test
  void theLessAnExpertServedLatelyTheMoreOftenTheyAreDrawnExactlyAsTheRuleSays() {
    List<PanelDraw.Candidate> pool = pool();
    List<PanelDraw.Candidate> eligible = pool.stream().filter(candidate -> !conflicted(candidate)).toList();
    double total = eligible.stream().mapToDouble(candidate -> 1.0 / (1 + candidate.recentAssignments())).sum();
    Map<Long, Integer> drawn = new HashMap<>();
    for (long seed = 0; seed < DRAWS; seed++) {
      PanelDraw.Pick pick = PanelDraw.draw(pool, request(seed, 1, List.of())).picks().get(0);
      drawn.merge(pick.expertId(), 1, Integer::sum);
    }
    for (PanelDraw.Candidate candidate : eligible) {
      double p = (1.0 / (1 + candidate.recentAssignments())) / total;
      double expected = DRAWS * p;
      double sigma = Math.sqrt(DRAWS * p * (1 - p));
      assertThat((double) drawn.getOrDefault(candidate.expertId(), 0))
          .as("expert %d with %d recent assignments", candidate.expertId(), candidate.recentAssignments())
          .isBetween(expected - 5 * sigma, expected + 5 * sigma);
    }
    // the rule shows: the least loaded are drawn more than twice as often as the most loaded
    double leastLoaded = eligible.stream().filter(candidate -> candidate.recentAssignments() == 0)
        .mapToInt(candidate -> drawn.getOrDefault(candidate.expertId(), 0)).average().orElseThrow();
    double mostLoaded = eligible.stream().filter(candidate -> candidate.recentAssignments() == 5)
        .mapToInt(candidate -> drawn.getOrDefault(candidate.expertId(), 0)).average().orElseThrow();
    assertThat(leastLoaded).isGreaterThan(2 * mostLoaded);
  }

  @Test
  void theSameSeedAndPoolGiveTheSamePanelAndOtherSeedsOtherPanels() {
    List<PanelDraw.Candidate> pool = pool();
    List<Specialty> specialties = List.of(Specialty.CHEMICAL_PROCESS, Specialty.ELECTRICAL, Specialty.FIRE);
    Set<List<Long>> panels = new java.util.HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      PanelDraw.Result first = PanelDraw.draw(pool, request(seed, 3, specialties));
      List<PanelDraw.Candidate> shuffled = new ArrayList<>(pool);
      java.util.Collections.shuffle(shuffled, new Random(seed));
      assertThat(PanelDraw.draw(shuffled, request(seed, 3, specialties))).isEqualTo(first);
      panels.add(first.picks().stream().map(PanelDraw.Pick::expertId).toList());
    }
    assertThat(panels).hasSizeGreaterThan(100);
  }

  @Test
  void eachRequiredSpecialtyIsCoveredWhenTheEligiblePoolHasItAndAShortfallIsRecordedWhenNot() {
    List<PanelDraw.Candidate> pool = pool();
    for (long seed = 0; seed < 1000; seed++) {
      PanelDraw.Result result = PanelDraw.draw(pool, request(seed, 4,
          List.of(Specialty.FIREWORKS, Specialty.ELECTRICAL, Specialty.EQUIPMENT)));
      assertThat(result.picks()).hasSize(4);
      assertThat(result.picks().subList(0, 3)).allSatisfy(pick -> assertThat(
          pool.stream().filter(c -> c.expertId() == pick.expertId()).findFirst().orElseThrow().specialties())
          .contains(pick.forSpecialty()));
      assertThat(result.picks().get(3).forSpecialty()).isNull();
    }
    List<PanelDraw.Candidate> noFireworks = pool.stream()
        .filter(candidate -> !candidate.specialties().contains(Specialty.FIREWORKS)).toList();
    PanelDraw.Result short1 = PanelDraw.draw(noFireworks, request(1, 2, List.of(Specialty.FIREWORKS)));
    assertThat(short1.shortfalls()).containsExactly("没有可抽取的“烟花爆竹”专业专家");
    assertThat(short1.picks()).hasSize(2);
    PanelDraw.Result tooFew = PanelDraw.draw(pool.subList(0, 4), request(1, 3, List.of()));
    assertThat(tooFew.shortfalls()).singleElement().asString().contains("需要 3 名");
  }

  @Test
  void theAgencyDrawFollowsTheSameConflictRulesAndIsReproducible() {
    List<PanelDraw.AgencyCandidate> agencies = new ArrayList<>();
    for (long id = 1; id <= 12; id++) {
      String code = id == 1 ? APPLICANT : id == 2 ? EVALUATOR : "9131000000000" + id;
      List<Expert.Conflict> conflicts = id == 3 ? List.of(new Expert.Conflict(APPLICANT, "曾为该企业编制预案")) : List.of();
      agencies.add(new PanelDraw.AgencyCandidate(id, "机构" + id, code, id != 4, conflicts, (int) (id % 3),
          id == 5 ? 1 : 0));
    }
    Map<Long, Integer> drawn = new HashMap<>();
    for (long seed = 0; seed < DRAWS; seed++) {
      PanelDraw.AgencyResult result = PanelDraw.drawAgency(agencies, request(seed, 3, List.of()));
      assertThat(result.agencyId()).isNotIn(1L, 2L, 3L, 4L, 5L);
      assertThat(PanelDraw.drawAgency(agencies, request(seed, 3, List.of()))).isEqualTo(result);
      drawn.merge(result.agencyId(), 1, Integer::sum);
    }
    assertThat(drawn.keySet()).containsExactlyInAnyOrder(6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(drawn.get(6L)).as("no recent work is drawn about three times as often as two jobs")
        .isGreaterThan(2 * drawn.get(8L));
    PanelDraw.AgencyResult one = PanelDraw.drawAgency(agencies, request(1, 3, List.of()));
    assertThat(one.exclusions()).extracting(exclusion -> exclusion.expertId() + ":" + exclusion.reasons())
        .containsExactly("1:[即为申请企业]", "2:[为申请企业出具了安全评价报告]", "3:[申报回避：曾为该企业编制预案]",
            "4:[已停用]", "5:[12 个月内为该企业提供过技术服务]");
    assertThat(PanelDraw.drawAgency(agencies.subList(0, 5), request(1, 3, List.of())).shortfall())
        .isEqualTo("没有可抽取的中介技术机构");
  }
}
