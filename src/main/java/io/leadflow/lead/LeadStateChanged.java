package io.leadflow.lead;

/**
 * Published by {@link LeadLifecycle} inside the transaction that changed a lead's status or stage,
 * after the transition was recorded; listeners run in that transaction (the journey is told, the
 * hand-off starts). Not published when nothing changed.
 *
 * @param cause why, as recorded in the lead's history (see {@link LeadLifecycle})
 */
public record LeadStateChanged(Lead lead, LeadStatus previousStatus, FunnelStage previousStage, String cause) {

  public boolean statusChanged() {
    return previousStatus != lead.getStatus();
  }

  public boolean stageChanged() {
    return previousStage != lead.getStage();
  }

  /** The lead has just become ready for sales (marketing- or sales-qualified). */
  public boolean becameSalesReady() {
    return statusChanged() && lead.getStatus().isSalesReady() && (previousStatus == null || !previousStatus.isSalesReady());
  }
}
