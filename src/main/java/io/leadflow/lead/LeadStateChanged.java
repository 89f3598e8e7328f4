package io.leadflow.lead;

/**
 * Published inside the transaction that changed a lead's status or stage (qualified, a stage up
 * or down, unsubscribed), so its journey can be told. Not published when nothing changed.
 */
public record LeadStateChanged(Lead lead, LeadStatus previousStatus, FunnelStage previousStage) {

  public boolean statusChanged() {
    return previousStatus != lead.getStatus();
  }

  public boolean stageChanged() {
    return previousStage != lead.getStage();
  }
}
