package io.leadflow.lead;

/**
 * What the lead's processes must learn of its committed changes: published by {@link
 * LeadChangeRelay} after the transaction that changed the lead has committed, once per lead for
 * however many changes it queued meanwhile, in the relay's own transaction (which also removes
 * them from the outbox, so a listener that fails leaves them to be relayed again). Listeners tell
 * the engine: the journey learns the lead's latest status and stage, the hand-off starts.
 *
 * @param lead the lead as it is now (its latest status and stage, not those of each change)
 * @param becameSalesReady a change made it ready for sales and it still is (the hand-off starts)
 * @param emailSuppressed its address went on the suppression list (its journey ends)
 * @param optInConfirmed it confirmed its address (double opt-in: its journey starts nurturing)
 */
public record LeadChangesCommitted(Lead lead, boolean becameSalesReady, boolean emailSuppressed, boolean optInConfirmed) {}
