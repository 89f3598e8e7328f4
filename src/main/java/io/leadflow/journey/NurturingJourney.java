package io.leadflow.journey;

import io.leadflow.lead.Lead;
import io.leadflow.lead.NewLeadCaptured;
import io.leadflow.lead.NewLeadsCaptured;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
  private final CommandExecutor engineCommands;

  NurturingJourney(RuntimeService runtime, ProcessEngine engine) {
    this.runtime = runtime;
    this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** After the new lead's profile is scored (order 1), so the journey starts at its stage. */
  @EventListener
  @Order(2)
  void onNewLead(NewLeadCaptured event) {
    if (!event.inBulk()) {
      startFor(event.lead());
    }
  }

  /**
   * A bulk capture's new leads (an import's batch): their journeys start in one engine command,
   * so the engine writes them in one flush (a few JDBC batches) instead of one flush per lead;
   * each start is the same as {@link #onNewLead}'s.
   */
  @EventListener
  void onNewLeads(NewLeadsCaptured event) {
    engineCommands.execute(commandContext -> {
      event.leads().forEach(this::startFor);
      return null;
    });
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
