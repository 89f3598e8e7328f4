package io.leadflow.journey;

import io.leadflow.lead.Lead;
import io.leadflow.lead.NewLeadCaptured;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts a lead's nurturing journey ({@code bpmn/lead-nurturing.bpmn}) with the lead's id as
 * business key. The start runs in the capture transaction and the model's start event is
 * asynchronous: the instance commits with the lead (never one without the other) and the
 * journey itself runs from the job executor after the commit.
 */
@Component
class NurturingJourney {

  private final RuntimeService runtime;

  NurturingJourney(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** After the new lead's profile is scored (order 1), so the journey starts with its score. */
  @EventListener
  @Order(2)
  void onNewLead(NewLeadCaptured event) {
    startFor(event.lead());
  }

  String startFor(Lead lead) {
    return runtime
        .createProcessInstanceByKey(LeadNurturingProcess.KEY)
        .businessKey(lead.getId())
        .setVariables(JourneyVariables.of(lead))
        .execute()
        .getId();
  }
}
