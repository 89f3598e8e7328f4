package io.leadflow.intake;

import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The leads some interactions name, locked for the transaction at once and in lead id order
 * ({@link Leads#lockAll}), and found again by what each interaction names its lead by:
 * its id, or else its email.
 */
final class LockedLeads {

  private final Map<String, Lead> byId = new HashMap<>();
  private final Map<String, Lead> byEmail = new HashMap<>();

  private LockedLeads(List<Lead> locked) {
    for (Lead lead : locked) {
      byId.put(lead.getId(), lead);
      byEmail.put(lead.getEmail(), lead);
    }
  }

  static LockedLeads lock(Leads leads, List<InteractionRequest> requests) {
    Set<String> ids = new HashSet<>();
    Set<String> emails = new HashSet<>();
    for (InteractionRequest request : requests) {
      if (request.namesLeadById()) {
        ids.add(request.trimmedLeadId());
      } else {
        emails.add(request.normalisedEmail());
      }
    }
    return new LockedLeads(leads.lockAll(ids, emails));
  }

  /** The lead the interaction names, if it is known. */
  Optional<Lead> named(InteractionRequest request) {
    return Optional.ofNullable(request.namesLeadById()
        ? byId.get(request.trimmedLeadId())
        : byEmail.get(request.normalisedEmail()));
  }

  /** The ids of the leads found (and locked). */
  Set<String> ids() {
    return byId.keySet();
  }
}
