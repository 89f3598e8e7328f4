package io.leadflow.scoring;

import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.ZoneOffset;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/leads/{id}/score}: the scores, rating, stage, account and the ledger that explains them. */
@RestController
class ScoreController {

  private final Leads leads;
  private final ScoreEntryRepository entries;
  private final LeadScoring scoring;

  ScoreController(Leads leads, ScoreEntryRepository entries, LeadScoring scoring) {
    this.leads = leads;
    this.entries = entries;
    this.scoring = scoring;
  }

  @GetMapping("/api/leads/{id}/score")
  @Transactional(readOnly = true)
  ScoreView score(@PathVariable String id) {
    Lead lead = leads.get(id);
    return new ScoreView(
        lead.getFitScore(),
        lead.getEngagementScore(),
        lead.getSocialScore(),
        lead.getScore(),
        lead.getRating(),
        lead.getStage(),
        lead.getQualification(),
        account(lead),
        entries.findByLeadIdOrderByAtAscIdAsc(id).stream()
            .map(e -> new ScoreView.Entry(e.getDimension(), e.getPoints(), e.getDecisionKey(), e.getDecisionVersion(),
                e.getRuleId(), e.getReason(), e.getCause(), e.getInteractionId(), e.getAt().atOffset(ZoneOffset.UTC)))
            .toList());
  }

  private ScoreView.Account account(Lead lead) {
    if (lead.getCompanyKey() == null) {
      return null;
    }
    long leadsOfCompany = leads.countOfAccount(lead.getCompanyKey());
    int score = Math.toIntExact(leads.engagementOfAccount(lead.getCompanyKey()) + scoring.companyFit(lead));
    return new ScoreView.Account(lead.getCompany(), score, (int) leadsOfCompany);
  }
}
