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

  /**
   * The module diagram in ARCHITECTURE.md is the modules as they are: its arrows are exactly the
   * dependencies Spring Modulith finds between modules (every module also uses {@code core}, not drawn).
   */
  @Test
  void theArchitectureDiagramShowsTheDependenciesAsTheyAre() throws java.io.IOException {
    String architecture = java.nio.file.Files.readString(java.nio.file.Path.of("ARCHITECTURE.md"));
    java.util.Set<String> drawn = new java.util.TreeSet<>();
    java.util.regex.Matcher arrow = java.util.regex.Pattern.compile("(?m)^\\s+(\\w+) --> (\\w+)$").matcher(architecture);
    while (arrow.find()) {
      drawn.add(arrow.group(1) + " --> " + arrow.group(2));
    }
    java.util.Set<String> actual = new java.util.TreeSet<>();
    MODULES.forEach(module -> module.getDirectDependencies(MODULES).uniqueModules()
        .filter(target -> !target.getIdentifier().toString().equals("core"))
        .forEach(target -> actual.add(module.getIdentifier() + " --> " + target.getIdentifier())));
    assertThat(drawn).as("the arrows of ARCHITECTURE.md's module diagram; as they are:%n%s",
        String.join("\n", actual.stream().map(edge -> "    " + edge).toList())).isEqualTo(actual);
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
