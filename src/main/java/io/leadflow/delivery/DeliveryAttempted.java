package io.leadflow.delivery;

/**
 * Published after each attempt to hand an email to the mail server, whatever came of it:
 * {@code SENT}, {@code FAILED} (tried again later, or never for a refused address) or
 * {@code UNKNOWN} (handed over without an answer). Not published when a send finds its delivery
 * already sent.
 */
public record DeliveryAttempted(String leadId, String contentId, DeliveryStatus outcome) {}
