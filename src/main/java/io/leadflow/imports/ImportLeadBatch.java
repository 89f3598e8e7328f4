package io.leadflow.imports;

import static io.leadflow.imports.LeadImportProcess.Variables.CREATED;
import static io.leadflow.imports.LeadImportProcess.Variables.IMPORT_ID;
import static io.leadflow.imports.LeadImportProcess.Variables.MORE_ROWS;
import static io.leadflow.imports.LeadImportProcess.Variables.REJECTED;
import static io.leadflow.imports.LeadImportProcess.Variables.ROWS_DONE;
import static io.leadflow.imports.LeadImportProcess.Variables.SLICE;
import static io.leadflow.imports.LeadImportProcess.Variables.UPDATED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Import a batch of rows" in bpmn/lead-import.bpmn: one batch of the slice per job, in the job's
 * transaction, so the batch's leads, their journeys and the import's progress commit together or
 * not at all. The progress variables (local to the slice) mirror the import's table for Cockpit.
 */
@Component(LeadImportProcess.Beans.IMPORT_LEAD_BATCH)
class ImportLeadBatch implements JavaDelegate {

  private final ImportJobs imports;

  ImportLeadBatch(ImportJobs imports) {
    this.imports = imports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // an instance of the model before slices (one loop, no "Complete the import") is slice 0
    Integer slice = (Integer) execution.getVariable(SLICE);
    ImportJobs.Progress progress = imports.nextBatch((String) execution.getVariable(IMPORT_ID), slice == null ? 0 : slice);
    if (slice == null && !progress.more()) {
      imports.complete((String) execution.getVariable(IMPORT_ID));
    }
    // rowsTotal belongs to the process instance, which the slices' jobs share: never written here
    execution.setVariable(ROWS_DONE, progress.rowsDone());
    execution.setVariable(CREATED, progress.created());
    execution.setVariable(UPDATED, progress.updated());
    execution.setVariable(REJECTED, progress.rejected());
    execution.setVariable(MORE_ROWS, progress.more());
  }
}
