package io.leadflow.privacy;

import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code bpmn/lead-retention.bpmn} ({@link LeadRetentionProcess}). */
@Configuration
class RetentionDelegates {

  /** "Find leads inactive too long": their ids (a JSON list) and how many. */
  @Bean(LeadRetentionProcess.Beans.FIND_INACTIVE_LEADS)
  JavaDelegate findInactiveLeads(LeadRetention retention) {
    return execution -> {
      List<String> found = retention.find();
      execution.setVariable(LeadRetentionProcess.Variables.INACTIVE_LEADS,
          Variables.objectValue(found).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      execution.setVariable(LeadRetentionProcess.Variables.INACTIVE_COUNT, found.size());
    };
  }

  /** "Erase or anonymise the lead", one job per lead: a lead that cannot be retired is an incident naming it. */
  @Bean(LeadRetentionProcess.Beans.RETIRE_INACTIVE_LEAD)
  JavaDelegate retireInactiveLead(LeadRetention retention) {
    return execution -> {
      String leadId = (String) execution.getVariable(LeadRetentionProcess.Variables.LEAD_ID);
      try {
        retention.retire(leadId);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Lead " + leadId + " has had no activity for the retention period, and retiring it failed: "
            + e.getMessage(), e);
      }
    };
  }
}
