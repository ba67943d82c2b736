package io.github.xuke.clock;

import io.github.xuke.clock.process.ClockExtensionProcess;
import io.github.xuke.system.ProcessStarters;
import io.github.xuke.system.StaffGroup;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the clocks add to the engine: the listener that meets, pauses and resumes clocks as user
 * tasks come and go, and who may ask for an extension (process {@code ClockExtension}).
 */
@Configuration(proxyBeanMethods = false)
class ClockContributions {

  @Bean
  ClockTaskListener clockTaskListener(ObjectProvider<CaseClockSteps> steps) {
    return new ClockTaskListener(steps);
  }

  @Bean
  ProcessStarters clockExtensionStarters() {
    return new ProcessStarters(ClockExtensionProcess.PROCESS_ID,
        Set.of(StaffGroup.WINDOW_CLERK, StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE));
  }
}
