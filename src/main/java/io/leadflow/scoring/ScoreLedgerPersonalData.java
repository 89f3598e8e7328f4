package io.leadflow.scoring;

import io.leadflow.lead.PersonalDataHolder;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A lead's score ledger in its personal-data document. The entries name rules and their reasons,
 * nothing the person said or is: an erasure keeps them (the totals reports count).
 */
@Component
class ScoreLedgerPersonalData implements PersonalDataHolder {

  private final ScoreEntryRepository entries;

  ScoreLedgerPersonalData(ScoreEntryRepository entries) {
    this.entries = entries;
  }

  @Override
  public String part() {
    return "scoreLedger";
  }

  @Override
  public List<Entry> personalDataOf(String leadId) {
    return entries.findByLeadIdOrderByAtAscIdAsc(leadId).stream()
        .map(e -> new Entry(e.getDimension(), e.getPoints(), e.getDecisionKey(), e.getDecisionVersion(), e.getRuleId(),
            e.getReason(), e.getCause(), e.getInteractionId(), e.getAt()))
        .toList();
  }

  @Override
  public void erase(String leadId) {
    // rules and their reasons only: nothing to forget
  }

  record Entry(ScoreDimension dimension, int points, String decision, int decisionVersion, String rule, String reason,
      ScoreCause cause, String interactionId, Instant at) {}
}
