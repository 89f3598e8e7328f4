package io.leadflow.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The proof of a lead's consent: a {@link ConsentRecord} for each change, wherever it changes (a
 * capture or import that states it, an unsubscribe, the preference centre, a double opt-in
 * confirmation). Listed in the personal-data document ({@code consents}); an erasure keeps only
 * given or withdrawn, when, the channel and the wording's version.
 */
@Component
class ConsentRecords {

  private final ConsentRecordRepository records;
  private final Clock clock;

  ConsentRecords(ConsentRecordRepository records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /** The lead's consent as a capture stated it (its profile's consent, already taken by the lead). */
  void captured(Lead lead, LeadProfile.Consent consent, String channel, String capturedBy) {
    records.save(new ConsentRecord(lead.getId(), consent.given(), lead.getConsentAt(), clock.instant(),
        new ConsentChange(channel, consent.source(), consent.text(), consent.ip(), capturedBy)));
  }

  /** The lead gave or withdrew its consent at {@code at}, as {@code change} tells. */
  void changed(Lead lead, boolean given, Instant at, ConsentChange change) {
    records.save(new ConsentRecord(lead.getId(), given, at, clock.instant(), change));
  }

  List<ConsentView> of(String leadId) {
    return records.findByLeadIdOrderByChangedAtAscRecordedAtAsc(leadId).stream().map(ConsentView::of).toList();
  }

  void forget(String leadId) {
    records.findByLeadIdOrderByChangedAtAscRecordedAtAsc(leadId).forEach(ConsentRecord::forget);
  }
}
