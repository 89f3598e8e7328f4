package io.leadflow.lead;

import java.util.List;

/**
 * Published in a bulk capture's transaction after the {@link NewLeadCaptured} events ({@code
 * inBulk}) of a chunk of new leads: for listeners that do the same for each new lead and do it
 * faster for many at once (the journeys start in one engine command, one database flush instead
 * of one per lead).
 */
public record NewLeadsCaptured(List<Lead> leads) {}
