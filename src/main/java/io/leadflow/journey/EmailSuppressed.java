package io.leadflow.journey;

/**
 * Published when the journey was due to email a lead and did not, because nothing may be emailed
 * to it: {@code reason} is why ({@code HARD_BOUNCE}, {@code INVALID_ADDRESS}, {@code NO_CONSENT},
 * {@code UNSUBSCRIBED}, or the status {@code UNSUBSCRIBED} / {@code DISQUALIFIED}).
 */
public record EmailSuppressed(String leadId, String reason) {}
