package io.github.xuke;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of Xuke and their public faces, checked by Spring Modulith: no cycles between
 * modules, no module reaching into another's internals. The module documentation (one PlantUML
 * diagram per module and the whole, plus a canvas per module) is written to
 * {@code target/spring-modulith-docs}.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(XukeApplication.class);

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersFaces() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
