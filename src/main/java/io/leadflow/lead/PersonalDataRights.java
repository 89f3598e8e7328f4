package io.leadflow.lead;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over what Leadflow stores about them (GDPR articles 15 and 17): access, one
 * document with everything stored about the lead, ours and the engine's; and erasure, which
 * removes the person from every {@link PersonalDataHolder}, anonymises the lead (what reports
 * count stays, with no name, address, company or free text) and records the erasure without the
 * person's data.
 */
@Service
public class PersonalDataRights {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRights.class);

  private final LeadRepository leads;
  private final CaptureRecordRepository captures;
  private final LeadLifecycle lifecycle;
  private final List<PersonalDataHolder> holders;
  private final LeadErasures erasures;
  private final EmailSuppressions suppressions;
  private final ConsentRecords consents;
  private final Clock clock;

  PersonalDataRights(LeadRepository leads, CaptureRecordRepository captures, LeadLifecycle lifecycle,
      List<PersonalDataHolder> holders, LeadErasures erasures, EmailSuppressions suppressions, ConsentRecords consents,
      Clock clock) {
    this.consents = consents;
    this.leads = leads;
    this.captures = captures;
    this.lifecycle = lifecycle;
    this.holders = holders;
    this.erasures = erasures;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  /**
   * Everything stored about the lead, one part per feature: {@code profile}, {@code captures},
   * {@code consents} (every change, the proof of consent), {@code history}, then each {@link PersonalDataHolder}'s part.
   *
   * @throws NotFound when there is no such lead (or it was erased)
   */
  @Transactional(readOnly = true)
  public Map<String, Object> access(String leadId) {
    Lead lead = leads.findById(leadId).filter(found -> !found.isErased()).orElseThrow(() -> new NotFound("lead", leadId));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("profile", LeadView.of(lead));
    document.put("captures", captures.findByLeadIdOrderByCapturedAt(leadId).stream().map(CaptureView::of).toList());
    document.put("consents", consents.of(leadId));
    document.put("history", lifecycle.history(leadId));
    document.put("suppressed", suppressions.reasonFor(lead.getEmail()).orElse(null));
    holders.forEach(holder -> document.put(holder.part(), holder.personalDataOf(leadId)));
    return document;
  }

  /**
   * Forgets the person: every feature's data, the engine's processes and history of the lead, and
   * the lead's own fields. All or nothing.
   *
   * @param reason why (a request, its date and channel; no personal data), 1 to 500 characters
   * @throws NotFound when there is no such lead (or it was erased already)
   * @throws InvalidRequest when the reason is missing
   */
  @Transactional
  public void erase(String leadId, String reason, String erasedBy) {
    forget(leadId, reason, erasedBy, true);
  }

  /**
   * Anonymises the lead as an erasure does (every feature's data, the engine's processes and
   * history, the lead's own fields), without a tombstone of its address: retention, not the
   * person's request, so a later capture with new consent is a new lead. Recorded like an erasure,
   * with no hash of the address.
   *
   * @throws NotFound when there is no such lead (or it was erased already)
   */
  @Transactional
  public void anonymise(String leadId, String reason, String anonymisedBy) {
    forget(leadId, reason, anonymisedBy, false);
  }

  private void forget(String leadId, String reason, String by, boolean tombstone) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidRequest("Say why the lead is erased", List.of(new FieldProblem("reason", "must be 1 to 500 characters")));
    }
    Lead lead = leads.lockById(leadId).filter(found -> !found.isErased()).orElseThrow(() -> new NotFound("lead", leadId));
    Instant now = clock.instant();
    String email = lead.getEmail();
    holders.forEach(holder -> holder.erase(leadId));
    if (tombstone) {
      // the erasure's keyed hash now stops the address; an anonymised lead has none, so its
      // suppression (a bounce, complaint or unsubscribe) stays and still stops every send to it
      suppressions.forget(email);
    }
    consents.forget(leadId);
    lead.erase(now);
    erasures.record(tombstone ? email : null, now, by, reason.trim());
    log.info("Lead {} {} by {} ({} parts)", leadId, tombstone ? "erased" : "anonymised", by, holders.size());
  }
}
