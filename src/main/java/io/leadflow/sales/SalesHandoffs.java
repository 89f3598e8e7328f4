package io.leadflow.sales;

import io.leadflow.lead.LeadChangesCommitted;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts a lead's sales hand-off ({@link SalesHandoffProcess}) whenever it becomes ready for sales,
 * right after the transaction that made it so committed (the lead change relay): the hand-off follows the lead, not its journey, so no
 * journey state (sending, retrying, ended, absent) can keep a qualified lead from sales. At most
 * one hand-off is open per lead. The hand-off safety net ({@link HandoffSafetyNetProcess}) finds
 * leads left ready for sales without one.
 */
@Service
public class SalesHandoffs {

  private final RuntimeService runtime;
  private final Leads leads;
  private final HandoffSettings settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SalesHandoffs(RuntimeService runtime, Leads leads, HandoffSettings settings, Clock clock,
      ApplicationEventPublisher events) {
    this.runtime = runtime;
    this.leads = leads;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /**
   * The lead's lifecycle made it ready for sales (marketing- or sales-qualified), and it still is
   * now that the change committed: the hand-off starts.
   */
  @EventListener
  void onChangesCommitted(LeadChangesCommitted changes) {
    if (changes.becameSalesReady()) {
      startFor(changes.lead().getId());
    }
  }

  /**
   * Starts the lead's hand-off unless one is open.
   *
   * @return whether it started one
   */
  public boolean startFor(String leadId) {
    if (isOpenFor(leadId)) {
      return false;
    }
    runtime.createMessageCorrelation(SalesHandoffProcess.Messages.LEAD_READY_FOR_SALES)
        .processInstanceBusinessKey(leadId)
        .setVariable(SalesHandoffProcess.Variables.LEAD_ID, leadId)
        .correlateStartMessage();
    events.publishEvent(new HandoffStarted(leadId));
    return true;
  }

  /** Whether the lead has a hand-off that has not ended (an incident on it included). */
  public boolean isOpenFor(String leadId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(leadId).count() > 0;
  }

  /**
   * Leads ready for sales for longer than {@code leadflow.handoff.safety-net-after} without an open
   * hand-off, oldest first, at most {@code leadflow.handoff.safety-net-batch}.
   */
  public List<String> stranded() {
    return leads.salesReadySince(clock.instant().minus(settings.safetyNetAfter()), settings.safetyNetBatch()).stream()
        .filter(leadId -> !isOpenFor(leadId))
        .toList();
  }
}
