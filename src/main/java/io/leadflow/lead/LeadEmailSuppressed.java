package io.leadflow.lead;

/**
 * Published inside the transaction that put the lead's address on the suppression list (a hard
 * bounce, transient bounces in a row, a complaint): nothing more may be emailed to it, so its
 * journey ends. {@code reason} is {@code HARD_BOUNCE} or {@code COMPLAINT}.
 */
public record LeadEmailSuppressed(Lead lead, String reason) {}
