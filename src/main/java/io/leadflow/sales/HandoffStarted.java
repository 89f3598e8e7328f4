package io.leadflow.sales;

/** Published when a lead's sales hand-off ({@link SalesHandoffProcess}) started, in that transaction. */
public record HandoffStarted(String leadId) {}
