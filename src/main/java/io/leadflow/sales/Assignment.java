package io.leadflow.sales;

/**
 * Where a qualified lead goes: the team whose candidate group gets the hand-off task, and the rep
 * it is assigned to.
 *
 * @param team the team's Camunda group id (one of {@code leadflow.sales.teams})
 * @param rep the rep's user id: the one the rule names, else the team's least-loaded member; null
 *     when the team has no members (the task then waits for the team to claim it)
 * @param ruleId the rule of {@code sales-routing} that chose the team, e.g. {@code Rule_Emea}
 * @param reason why, in words: the rule's annotation and how the rep was picked
 */
public record Assignment(String team, String rep, String ruleId, String reason) {}
