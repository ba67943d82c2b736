package io.github.xuke.expert;

import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With demo users on, an empty expert pool gets the demo experts ({@code expert} … {@code expert6},
 * password {@code demo}) with specialties that cover every licence type's panel.
 */
@Component
class DemoExpertPool implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoExpertPool.class);

  static final List<Expert> DEMO = List.of(
      demo("expert", "张专家", Set.of(Specialty.CHEMICAL_PROCESS, Specialty.SAFETY_MANAGEMENT), "市化工研究院"),
      demo("expert2", "刘评审", Set.of(Specialty.ELECTRICAL, Specialty.EQUIPMENT), "市特种设备检验所"),
      demo("expert3", "王消防", Set.of(Specialty.FIRE, Specialty.SAFETY_MANAGEMENT), "市消防技术服务中心"),
      demo("expert4", "陈储运", Set.of(Specialty.STORAGE, Specialty.CHEMICAL_PROCESS), "市危险货物储运协会"),
      demo("expert5", "杨烟花", Set.of(Specialty.FIREWORKS, Specialty.STORAGE), "省烟花爆竹质量检验站"),
      demo("expert6", "黄电气", Set.of(Specialty.ELECTRICAL, Specialty.FIRE, Specialty.EQUIPMENT), "市建筑设计研究院"));

  private final XukeProperties properties;
  private final ExpertRepository experts;
  private final IdentityService identityService;
  private final Clock clock;

  DemoExpertPool(XukeProperties properties, ExpertRepository experts, IdentityService identityService, Clock clock) {
    this.properties = properties;
    this.experts = experts;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!properties.demoUsers() || !experts.findAll().isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<Expert> present = DEMO.stream()
        .filter(data -> identityService.createUserQuery().userId(data.userId()).count() == 1).toList();
    present.forEach(data -> experts.insert(data, now));
    if (!present.isEmpty()) {
      log.info("Demo expert pool created: {}", present.stream().map(Expert::userId).toList());
    }
  }

  private static Expert demo(String userId, String name, Set<Specialty> specialties, String employer) {
    return new Expert(0, userId, name, specialties, employer, null, "本市", "13800000000", true, List.of(), null);
  }
}
