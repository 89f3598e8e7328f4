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
import java.util.Map;
import java.util.Set;

/**
 * How many actions of each kind some leads made per day (UTC): the {@code timesToday} of the
 * engagement and social decisions, whose daily caps count an action "this one included". Made
 * for one transaction that records new interactions of these leads (see
 * {@link LeadScoring#dailyActions}).
 *
 * <p>Each day is read from the database once, when the first new interaction on it is counted;
 * after that the new interactions are counted here, in memory. Counting each in the database
 * would need the ones before it written first: a query and a flush per interaction, which would
 * cost a batch of interactions the JDBC batching of its inserts. Interactions are told apart by
 * id, so one that was flushed anyway and is read back counts once.
 *
 * <p>Right only while the transaction holds the leads' locks ({@code LeadRepository.lockAll}):
 * then no one else adds interactions of theirs.
 */
public final class DailyActions {

  private final InteractionRepository interactions;
  private final Set<String> leadIds;
  private final Set<InteractionType> types;
  private final Set<LocalDate> daysRead = new HashSet<>();
  /** Per lead, kind and day: when each action happened, by interaction id. */
  private final Map<Day, Map<String, Instant>> actions = new HashMap<>();

  DailyActions(InteractionRepository interactions, Collection<String> leadIds, Collection<InteractionType> types) {
    this.interactions = interactions;
    this.leadIds = Set.copyOf(leadIds);
    this.types = Set.copyOf(types);
  }

  /**
   * Counts a new interaction in and returns how many actions of its kind its lead made that day
   * up to and including it.
   */
  long countIn(Interaction interaction) {
    if (!leadIds.contains(interaction.getLeadId()) || !types.contains(interaction.getType())) {
      throw new IllegalArgumentException("Interaction " + interaction.getId() + " (" + interaction.getType()
          + " of lead " + interaction.getLeadId() + ") is not one these daily actions were made for");
    }
    LocalDate day = day(interaction.getOccurredAt());
    if (daysRead.add(day)) {
      read(day);
    }
    Map<String, Instant> times = timesOf(interaction.getLeadId(), interaction.getType(), day);
    times.put(interaction.getId(), interaction.getOccurredAt());
    return times.values().stream().filter(at -> !at.isAfter(interaction.getOccurredAt())).count();
  }

  private void read(LocalDate day) {
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Occurrence stored : interactions.occurrences(leadIds, types, start, start.plus(1, ChronoUnit.DAYS))) {
      timesOf(stored.leadId(), stored.type(), day).put(stored.interactionId(), stored.occurredAt());
    }
  }

  private Map<String, Instant> timesOf(String leadId, InteractionType type, LocalDate day) {
    return actions.computeIfAbsent(new Day(leadId, type, day), key -> new HashMap<>());
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private record Day(String leadId, InteractionType type, LocalDate date) {}
}
