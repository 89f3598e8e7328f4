package io.leadflow.lead;

/** The lead confirmed its address (double opt-in): its journey may start nurturing it. */
public record OptInConfirmed(String leadId) {}
