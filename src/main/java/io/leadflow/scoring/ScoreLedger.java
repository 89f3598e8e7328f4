package io.leadflow.scoring;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Writes changes to a lead's score as ledger rows and keeps the lead's totals equal to the sums
 * of its rows. Only differences are written: a contribution that did not change writes nothing.
 */
@Component
class ScoreLedger {

  private final ScoreEntryRepository entries;
  private final LeadLifecycle lifecycle;
  private final Clock clock;

  ScoreLedger(ScoreEntryRepository entries, LeadLifecycle lifecycle, Clock clock) {
    this.entries = entries;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** Adds the contributions of something new (an interaction scored for the first time). */
  void add(Lead lead, List<Contribution> contributions, ScoreCause cause) {
    Map<Contribution.Key, Long> none = Map.of();
    write(lead, contributions, none, cause);
  }

  /**
   * Writes a row of 0 points that says why something new scored nothing (an interaction judged
   * machine-made or repeated): the ledger explains it, the totals do not move.
   */
  void explain(Lead lead, Contribution zero, ScoreCause cause) {
    entries.save(new ScoreEntry(lead.getId(), zero, 0, cause, clock.instant()));
  }

  /**
   * Makes the ledger say what the contributions say for every key in scope: a contribution's
   * difference to its current sum is written, and a key in scope without a contribution any more
   * is brought to zero.
   */
  void reconcile(Lead lead, List<Contribution> targets, Predicate<Contribution.Key> scope, ScoreCause cause) {
    Map<Contribution.Key, Long> current = new HashMap<>();
    Map<Contribution.Key, Integer> versions = new HashMap<>();
    for (LedgerStanding standing : entries.standings(lead.getId())) {
      if (scope.test(standing.key())) {
        current.put(standing.key(), standing.points());
        versions.put(standing.key(), standing.decisionVersion());
      }
    }
    reconcile(lead, targets, current, versions, cause);
  }

  /**
   * {@link #reconcile} for a lead stored in this transaction, whose ledger is empty: without
   * asking the database (a query would flush every pending insert first, one round trip per lead
   * where an import's batch could send them together).
   */
  void first(Lead lead, List<Contribution> targets, ScoreCause cause) {
    reconcile(lead, targets, Map.of(), Map.of(), cause);
  }

  private void reconcile(Lead lead, List<Contribution> targets, Map<Contribution.Key, Long> current,
      Map<Contribution.Key, Integer> versions, ScoreCause cause) {
    Map<Contribution.Key, Contribution> wanted = new LinkedHashMap<>();
    targets.forEach(target -> wanted.merge(target.key(), target,
        (a, b) -> new Contribution(a.key(), a.points() + b.points(), a.decisionVersion(), a.reason())));
    List<Contribution> all = new ArrayList<>(wanted.values());
    current.forEach((key, points) -> {
      if (!wanted.containsKey(key)) {
        all.add(new Contribution(key, 0, versions.get(key), "The rule no longer applies"));
      }
    });
    write(lead, all, current, cause);
  }

  private void write(Lead lead, List<Contribution> contributions, Map<Contribution.Key, Long> current, ScoreCause cause) {
    Instant now = clock.instant();
    int fit = lead.getFitScore();
    int engagement = lead.getEngagementScore();
    int social = lead.getSocialScore();
    List<ScoreEntry> rows = new ArrayList<>();
    for (Contribution contribution : contributions) {
      int delta = Math.toIntExact(contribution.points() - current.getOrDefault(contribution.key(), 0L));
      if (delta == 0) {
        continue;
      }
      rows.add(new ScoreEntry(lead.getId(), contribution, delta, cause, now));
      switch (contribution.key().dimension()) {
        case FIT -> fit += delta;
        case ENGAGEMENT -> engagement += delta;
        case SOCIAL -> social += delta;
      }
    }
    if (!rows.isEmpty()) {
      entries.saveAll(rows);
      lifecycle.scored(lead, fit, engagement, social);
    }
  }
}
