package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.ArchiveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_ArchiveCase} (归档): the archive record of the whole case. */
@Component
public class ArchiveCaseDelegate implements JavaDelegate {

  private final ArchiveService archive;

  public ArchiveCaseDelegate(ArchiveService archive) {
    this.archive = archive;
  }

  @Override
  public void execute(DelegateExecution execution) {
    archive.archive(APPLICATION_ID.get(execution), execution.getProcessInstanceId());
  }
}
