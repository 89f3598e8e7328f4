package io.leadflow.lead;

/**
 * Published inside the capture transaction when an email is seen for the first time. Listeners
 * run in that transaction: what they write commits with the lead, or not at all.
 *
 * @param inBulk part of a bulk capture (an import's batch): a {@link NewLeadsCaptured} with this
 *     lead follows in the same transaction, for listeners that do their work for many leads at once
 */
public record NewLeadCaptured(Lead lead, boolean inBulk) {

  public NewLeadCaptured(Lead lead) {
    this(lead, false);
  }
}
