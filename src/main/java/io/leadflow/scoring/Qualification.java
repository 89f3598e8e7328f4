package io.leadflow.scoring;

import io.leadflow.decision.DecisionOutcome;
import io.leadflow.decision.DeployedDecisions;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Asks the rating and qualification decisions (bpmn/lead-qualification.dmn) what a lead's scores mean. */
@Component
class Qualification {

  private final DeployedDecisions decisions;

  Qualification(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /** @param trigger the interaction type that caused this, or null for a recalculation */
  Outcome of(Lead lead, String trigger) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("fit", lead.getFitScore());
    inputs.put("engagement", lead.getEngagementScore());
    inputs.put("total", lead.getScore());
    inputs.put("trigger", trigger);
    inputs.put("status", lead.getStatus().name());
    DecisionOutcome outcome = decisions.evaluate(ScoringKeys.QUALIFICATION, inputs);
    return new Outcome(
        (String) outcome.requiredResults().get("rating"),
        (String) outcome.result().get("qualification"),
        FunnelStage.valueOf((String) outcome.result().get("stage")));
  }

  /** A rating from A1 (best) to D4, what should happen (NURTURE, MARKETING_QUALIFIED, SALES_QUALIFIED) and the stage. */
  record Outcome(String rating, String qualification, FunnelStage stage) {}
}
