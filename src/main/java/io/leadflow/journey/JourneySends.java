package io.leadflow.journey;

import io.leadflow.content.ContentCatalogue;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.delivery.Delivery;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.sales.PhoneCalls;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the journey sends: the welcome, then the best unsent content for the lead's stage. Each
 * send has a key of its own ({@code <journey>#<n>}, n = sends so far + 1, committed with the
 * journey), so a job that is retried after a failure sends the same content once, never twice
 * and never another one.
 */
@Service
public class JourneySends {

  /** The journey's error when the lead may not be contacted any more (bpmn: "Lead may not be contacted"). */
  static final String NOT_CONTACTABLE = "LeadNotContactable";

  private final LeadRepository leads;
  private final ContentCatalogue catalogue;
  private final ContentDelivery delivery;
  private final ContentItemRepository content;
  private final PhoneCalls calls;

  JourneySends(LeadRepository leads, ContentCatalogue catalogue, ContentDelivery delivery, ContentItemRepository content,
      PhoneCalls calls) {
    this.calls = calls;
    this.leads = leads;
    this.catalogue = catalogue;
    this.delivery = delivery;
    this.content = content;
  }

  /** "Send personalised welcome". */
  public void welcome(DelegateExecution execution) {
    Lead lead = contactable(execution);
    String key = execution.getProcessInstanceId() + "#welcome";
    Optional<ContentItem> welcome = chosenBefore(key).or(() -> catalogue.welcomeFor(lead));
    welcome.ifPresent(item -> send(execution, lead, item, key));
  }

  /** "Send next content": the best unsent content for the stage; {@code contentLeft} false when there is none. */
  public void next(DelegateExecution execution) {
    Lead lead = contactable(execution);
    if (calls.isOpenFor(lead.getId())) {
      // someone is phoning the lead: nothing is sent meanwhile, the journey waits for its next turn
      execution.setVariable(JourneyVariables.CONTENT_LEFT, true);
      return;
    }
    FunnelStage stage = FunnelStage.valueOf((String) execution.getVariable(JourneyVariables.STAGE));
    String key = execution.getProcessInstanceId() + "#" + (sendsSoFar(execution) + 1);
    Optional<ContentItem> next = chosenBefore(key)
        .or(() -> catalogue.nextFor(lead, stage, delivery.sentContentIds(lead.getId())));
    execution.setVariable(JourneyVariables.CONTENT_LEFT, next.isPresent());
    next.ifPresent(item -> send(execution, lead, item, key));
  }

  private void send(DelegateExecution execution, Lead lead, ContentItem item, String key) {
    Delivery sent = delivery.send(lead, item, key);
    execution.setVariable(JourneyVariables.SENDS_SO_FAR, sendsSoFar(execution) + 1);
    execution.setVariable(JourneyVariables.LAST_CONTENT, item.getId());
    execution.setVariable(JourneyVariables.LAST_SENT_AT, sent.getSentAt() == null ? null : java.util.Date.from(sent.getSentAt()));
  }

  /** The content a failed attempt of this same send already chose. */
  private Optional<ContentItem> chosenBefore(String key) {
    return delivery.find(key).flatMap(earlier -> content.findById(earlier.getContentId()));
  }

  private Lead contactable(DelegateExecution execution) {
    String leadId = (String) execution.getVariable(JourneyVariables.LEAD_ID);
    Lead lead = leads.findById(leadId).orElseThrow(() -> new IllegalStateException("The journey's lead " + leadId + " is gone"));
    if (!lead.mayBeContacted()) {
      throw new BpmnError(NOT_CONTACTABLE, "Lead " + leadId + " may not be contacted (" + lead.getStatus() + ")");
    }
    return lead;
  }

  private static int sendsSoFar(DelegateExecution execution) {
    Object sends = execution.getVariable(JourneyVariables.SENDS_SO_FAR);
    return sends instanceof Number number ? number.intValue() : 0;
  }
}
