package io.leadflow.imports;

import static io.leadflow.imports.LeadImportProcess.Variables.IMPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Complete the import" in bpmn/lead-import.bpmn: after every slice, the import is marked completed. */
@Component(LeadImportProcess.Beans.COMPLETE_LEAD_IMPORT)
class CompleteLeadImport implements JavaDelegate {

  private final ImportJobs imports;

  CompleteLeadImport(ImportJobs imports) {
    this.imports = imports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    imports.complete((String) execution.getVariable(IMPORT_ID));
  }
}
