package io.github.xuke;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
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

  /** A module asks another through its face; it never reads another module's tables. */
  @Test
  void noModuleUsesAnotherModulesRepository() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(XukeApplication.class.getPackageName());
    List<String> reaching = new ArrayList<>();
    int withinModules = 0;
    for (JavaClass source : classes) {
      for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (!target.getSimpleName().endsWith("Repository")
            || !target.getPackageName().startsWith(XukeApplication.class.getPackageName())) {
          continue;
        }
        if (module(target).equals(module(source))) {
          withinModules++;
        } else {
          reaching.add(source.getName() + " → " + target.getName());
        }
      }
    }
    assertThat(withinModules).as("the scan sees the repositories the modules use themselves").isGreaterThan(20);
    assertThat(reaching).isEmpty();
  }

  private static String module(JavaClass type) {
    String rest = type.getPackageName().substring(XukeApplication.class.getPackageName().length());
    return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
