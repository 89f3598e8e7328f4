package io.leadflow.lead;

/**
 * Published inside the capture transaction when an email is seen for the first time. Listeners
 * run in that transaction: what they write commits with the lead, or not at all.
 */
public record NewLeadCaptured(Lead lead) {}
