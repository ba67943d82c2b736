package io.github.xuke.application.process;

import io.github.xuke.system.ProcessStarters;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.system.TaskListColumn;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What process {@code LicenceApplication} adds to the engine's seed: the window clerks start it,
 * and every task list item shows its case number, enterprise and licence type.
 */
@Configuration(proxyBeanMethods = false)
class LicenceApplicationContributions {

  @Bean
  ProcessStarters licenceApplicationStarters() {
    return new ProcessStarters(LicenceApplicationProcess.PROCESS_ID, Set.of(StaffGroup.WINDOW_CLERK));
  }

  @Bean
  TaskListColumn caseNumberColumn() {
    return new TaskListColumn("listCaseNumber", LicenceApplicationProcess.Variables.CASE_NUMBER.name(), "案件编号");
  }

  @Bean
  TaskListColumn enterpriseNameColumn() {
    return new TaskListColumn("listEnterpriseName", LicenceApplicationProcess.Variables.ENTERPRISE_NAME.name(),
        "申请单位");
  }

  @Bean
  TaskListColumn licenceTypeNameColumn() {
    return new TaskListColumn("listLicenceTypeName",
        LicenceApplicationProcess.Variables.LICENCE_TYPE_NAME.name(), "许可事项");
  }
}
