package io.leadflow.lead;

/** Published inside the transaction that learnt the lead's email bounces for good (a hard bounce). */
public record LeadEmailBounced(Lead lead) {}
