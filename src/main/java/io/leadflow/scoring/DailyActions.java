package io.leadflow.scoring;

import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.interaction.Occurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What some leads did per day (UTC): the counts behind the daily caps of the scoring decisions,
 * which count an action "this one included". The engagement decision names a cap per rule, so a
 * cap counts the day's actions that rule matched (three blog posts do not use up the pricing
 * page's cap); the social decision's {@code timesToday} counts the day's actions of one kind.
 * Made for one transaction that records new interactions of these leads (see
 * {@link LeadScoring#dailyActions}), or for a recalculation of one lead's interactions in order.
 *
 * <p>Each day is read from the database once, when the first new interaction on it is counted;
 * after that the new interactions are counted here, in memory. Counting each in the database
 * would need the ones before it written first: a query and a flush per interaction, which would
 * cost a batch of interactions the JDBC batching of its inserts. Interactions are told apart by
 * id, so one that was flushed anyway and is read back counts once. Filtered interactions (machine
 * made, repeats) are never counted.
 *
 * <p>Right only while the transaction holds the leads' locks ({@code LeadRepository.lockAll}):
 * then no one else adds interactions of theirs.
 */
public final class DailyActions {

  private final InteractionRepository interactions;
  private final Set<String> leadIds;
  private final Set<LocalDate> daysRead = new HashSet<>();
  /** Per lead and day: what the lead did, by interaction id. */
  private final Map<Day, Map<String, Action>> actions = new HashMap<>();
  /** The engagement rules (their cap keys) a kind of action on a URL matched: one evaluation per kind and URL. */
  private final Map<Action.What, Set<String>> capsOf = new HashMap<>();

  DailyActions(InteractionRepository interactions, Collection<String> leadIds) {
    this.interactions = interactions;
    this.leadIds = Set.copyOf(leadIds);
  }

  /** For counting one lead's interactions again, in the order they happened, without reading the database. */
  static DailyActions inMemory(String leadId) {
    return new DailyActions(null, List.of(leadId));
  }

  /**
   * Counts a new interaction in (again counting it is harmless). Call before asking for its counts.
   */
  void countIn(Interaction interaction) {
    if (!leadIds.contains(interaction.getLeadId())) {
      throw new IllegalArgumentException("Interaction " + interaction.getId() + " (" + interaction.getType()
          + " of lead " + interaction.getLeadId() + ") is not one these daily actions were made for");
    }
    LocalDate day = day(interaction.getOccurredAt());
    if (interactions != null && daysRead.add(day)) {
      read(day);
    }
    actionsOf(interaction.getLeadId(), day).put(interaction.getId(),
        new Action(new Action.What(interaction.getType(), interaction.getUrl()), interaction.getOccurredAt()));
  }

  /** How many actions of the interaction's kind its lead made that day up to and including it. */
  long timesToday(Interaction interaction) {
    return sameDayUpTo(interaction).stream()
        .filter(action -> action.what().type() == interaction.getType())
        .count();
  }

  /**
   * How many actions of that day up to and including the interaction counted against a cap: the
   * ones the engagement decision's rule with that cap key matched.
   *
   * @param capKeys the cap keys the engagement decision's rules give an action of a kind on a URL
   */
  long timesToday(Interaction interaction, String capKey, Function<Action.What, Set<String>> capKeys) {
    return sameDayUpTo(interaction).stream()
        .filter(action -> capsOf.computeIfAbsent(action.what(), capKeys).contains(capKey))
        .count();
  }

  private List<Action> sameDayUpTo(Interaction interaction) {
    return actionsOf(interaction.getLeadId(), day(interaction.getOccurredAt())).values().stream()
        .filter(action -> !action.at().isAfter(interaction.getOccurredAt()))
        .toList();
  }

  private void read(LocalDate day) {
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Occurrence stored : interactions.occurrences(leadIds, start, start.plus(1, ChronoUnit.DAYS))) {
      actionsOf(stored.leadId(), day).put(stored.interactionId(),
          new Action(new Action.What(stored.type(), stored.url()), stored.occurredAt()));
    }
  }

  private Map<String, Action> actionsOf(String leadId, LocalDate day) {
    return actions.computeIfAbsent(new Day(leadId, day), key -> new HashMap<>());
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private record Day(String leadId, LocalDate date) {}

  /** One action of a day: what it was and when. */
  record Action(What what, Instant at) {

    /** The kind of action and its URL: all the engagement decision reads. */
    record What(InteractionType type, String url) {}
  }
}
