package io.leadflow.scoring;

import io.leadflow.interaction.InteractionType;

/**
 * Published inside the transaction that stored and scored an interaction (intake, tracking
 * links): what the lead did, the points it brought (negative for some), and whether the interaction
 * filter judged it machine-made or a repeat (0 points). Listeners must not
 * query: this is the intake's hot path.
 */
public record InteractionScored(String leadId, InteractionType type, int points, boolean filtered) {}
