package io.github.xuke.application;

import io.github.xuke.system.XukeProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The demo district bureau's user {@value #DEMO_USER} works for {@value #DEMO_DISTRICT} (demo data only). */
@Component
class DemoDistricts implements ApplicationRunner {

  static final String DEMO_USER = "district";
  static final String DEMO_DISTRICT = "高新区";

  private final StaffDistricts districts;
  private final XukeProperties properties;
  private final org.camunda.bpm.engine.IdentityService identityService;

  DemoDistricts(StaffDistricts districts, XukeProperties properties,
      org.camunda.bpm.engine.IdentityService identityService) {
    this.districts = districts;
    this.properties = properties;
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.demoUsers() && districts.districtOf(DEMO_USER).isEmpty()
        && identityService.createUserQuery().userId(DEMO_USER).count() > 0) {
      districts.assign(DEMO_USER, DEMO_DISTRICT);
    }
  }
}
