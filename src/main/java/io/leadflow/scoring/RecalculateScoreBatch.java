package io.leadflow.scoring;

import static io.leadflow.scoring.ScoreRecalculationProcess.Variables.CAUSE;
import static io.leadflow.scoring.ScoreRecalculationProcess.Variables.CURSOR;
import static io.leadflow.scoring.ScoreRecalculationProcess.Variables.LEADS_DONE;
import static io.leadflow.scoring.ScoreRecalculationProcess.Variables.LEADS_TOTAL;
import static io.leadflow.scoring.ScoreRecalculationProcess.Variables.MORE_LEADS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Recalculate a batch of lead scores" in bpmn/score-recalculation.bpmn: one batch per job,
 * progress in the variables {@code leadsDone} and {@code leadsTotal} (Cockpit and the rescore API
 * show them).
 */
@Component("recalculateScoreBatch")
class RecalculateScoreBatch implements JavaDelegate {

  private final ScoreRecalculation recalculation;

  RecalculateScoreBatch(ScoreRecalculation recalculation) {
    this.recalculation = recalculation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ScoreCause cause = ScoreCause.valueOf((String) execution.getVariable(CAUSE));
    if (!execution.hasVariable(LEADS_TOTAL)) {
      execution.setVariable(LEADS_TOTAL, recalculation.leadsToRecalculate(cause));
    }
    String cursor = execution.hasVariable(CURSOR) ? (String) execution.getVariable(CURSOR) : "";
    ScoreRecalculation.Batch batch = recalculation.nextBatch(cause, cursor);
    long done = execution.hasVariable(LEADS_DONE) ? ((Number) execution.getVariable(LEADS_DONE)).longValue() : 0;
    execution.setVariable(CURSOR, batch.cursor());
    execution.setVariable(LEADS_DONE, done + batch.leads());
    execution.setVariable(MORE_LEADS, batch.more());
  }
}
