package io.leadflow.scoring;

import io.leadflow.lead.FunnelStage;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A lead's score and its explanation ({@code GET /api/leads/{id}/score}): the totals always equal
 * the sums of the entries.
 */
public record ScoreView(
    int fit,
    int engagement,
    int social,
    int total,
    String rating,
    FunnelStage stage,
    String qualification,
    Account account,
    List<Entry> entries) {

  /** The lead's company: the engagement of all its leads plus the company's fit. */
  public record Account(String company, int score, int leads) {}

  /** One ledger row. */
  public record Entry(
      ScoreDimension dimension,
      int points,
      String decision,
      int decisionVersion,
      String rule,
      String reason,
      ScoreCause cause,
      String interactionId,
      OffsetDateTime at) {}
}
