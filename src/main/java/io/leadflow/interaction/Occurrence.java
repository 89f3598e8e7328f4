package io.leadflow.interaction;

import java.time.Instant;

/**
 * When a lead did one thing, and what (its kind and URL): what the daily caps of scoring count,
 * without the rest of the row.
 */
public record Occurrence(String interactionId, String leadId, InteractionType type, String url, Instant occurredAt) {}
