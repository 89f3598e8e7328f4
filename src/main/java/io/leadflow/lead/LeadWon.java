package io.leadflow.lead;

/** Published inside the transaction that recorded the lead's sale. */
public record LeadWon(Lead lead) {}
