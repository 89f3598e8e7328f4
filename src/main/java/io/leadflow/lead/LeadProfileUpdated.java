package io.leadflow.lead;

/** Published inside the capture transaction when a known lead's profile was captured again. */
public record LeadProfileUpdated(Lead lead) {}
