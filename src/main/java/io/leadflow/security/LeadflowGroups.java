package io.leadflow.security;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups Leadflow's rights are given to. Sales teams are configured (leadflow.sales.teams). */
public final class LeadflowGroups {

  /** Camunda administrators: everything. */
  public static final String ADMINS = Groups.CAMUNDA_ADMIN;
  /** Process designers and marketing ops: deploy models, use the lead API, Cockpit and Tasklist. */
  public static final String MARKETING = "marketing";
  /** Every sales rep (plus the group of each of its teams): Tasklist only. */
  public static final String SALES = "sales";
  /** Watch journeys in Cockpit, read-only. */
  public static final String MANAGERS = "managers";
  /** Systems (landing pages, trackers, CRMs) that use the lead API and nothing else. */
  public static final String INTEGRATION = "integration";

  private LeadflowGroups() {}
}
