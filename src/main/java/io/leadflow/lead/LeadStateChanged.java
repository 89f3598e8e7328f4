package io.leadflow.lead;

/**
 * Published inside the transaction that changed a lead's status or stage (qualified, a stage up
 * or down, unsubscribed), so its journey can be told. Not published when nothing changed.
 *
 * @param trigger the interaction type that caused it, or null (a recalculation)
 */
public record LeadStateChanged(Lead lead, LeadStatus previousStatus, FunnelStage previousStage, String trigger) {

  public boolean statusChanged() {
    return previousStatus != lead.getStatus();
  }

  public boolean stageChanged() {
    return previousStage != lead.getStage();
  }
}
