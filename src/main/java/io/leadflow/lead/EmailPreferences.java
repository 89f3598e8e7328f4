package io.leadflow.lead;

import io.leadflow.api.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's choices in the preference centre: the email topics it keeps and how often it wants
 * email. A change is a consent record (given, for the topics kept: their names and the frequency
 * are its wording). Not a status: unsubscribing from all goes through {@link LeadLifecycle}.
 */
@Service
public class EmailPreferences {

  private final LeadRepository leads;
  private final ConsentRecords consents;
  private final Clock clock;

  EmailPreferences(LeadRepository leads, ConsentRecords consents, Clock clock) {
    this.leads = leads;
    this.consents = consents;
    this.clock = clock;
  }

  /**
   * Keeps these topics (the others declined) at this frequency. Locks the lead.
   *
   * @return whether anything changed (then a consent record says what)
   * @throws NotFound when there is no such lead
   */
  @Transactional
  public boolean choose(String leadId, Set<EmailTopic> kept, EmailFrequency frequency, ConsentChange how) {
    Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    Instant now = clock.instant();
    if (!lead.preferences(kept, frequency, now)) {
      return false;
    }
    String wording = "topics: " + (lead.keptTopics().isEmpty() ? "none"
        : lead.keptTopics().stream().map(EmailTopic::name).collect(Collectors.joining(", ")))
        + "; frequency: " + lead.emailFrequency().name()
        + (how.wording() == null ? "" : "; " + how.wording());
    consents.changed(lead, true, now, new ConsentChange(how.channel(), how.source(), wording, how.ipAddress(), how.recordedBy()));
    return true;
  }
}
