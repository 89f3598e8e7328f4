package io.leadflow.journey;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves journeys still running on an older version of {@code lead-nurturing} to the latest one
 * when Leadflow starts ({@code leadflow.journey.move-older-journeys}, default {@code true}).
 *
 * <p>Why: the journey's delegates and the relay of lead changes are Leadflow's code, shared by
 * every version of the model. An older journey keeps its model, and its model may wait for a
 * message Leadflow no longer sends (before 2026-12-04 four boundary messages, now one
 * {@code LeadLeftNurturing} with a reason) or read a variable Leadflow no longer keeps: such a
 * journey would go on nurturing a lead that sales has, or stop at an incident at its next send.
 *
 * <p>How: Camunda's process instance migration, each element mapped to the element of the same id
 * ({@code mapEqualActivities}); a boundary event the latest version added (such as
 * {@code Event_LeadLeftNurturing}) gets its subscription, one it removed loses its own. Journeys
 * move in chunks of {@value #CHUNK}, each chunk one transaction; a chunk the engine refuses is
 * tried journey by journey, and a journey that cannot move (it waits at an element the latest
 * version no longer has) stays where it is and is logged with its id, for a person to move it
 * in Cockpit or end it. Nothing is sent and no listener or input mapping runs while moving.
 */
@Component
class OlderJourneysMigration {

  static final int CHUNK = 500;

  private static final Logger log = LoggerFactory.getLogger(OlderJourneysMigration.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final boolean enabled;

  OlderJourneysMigration(RepositoryService repository, RuntimeService runtime,
      @Value("${leadflow.journey.move-older-journeys:true}") boolean enabled) {
    this.repository = repository;
    this.runtime = runtime;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    if (enabled) {
      moveToLatest();
    }
  }

  /**
   * @return how many journeys moved to the latest version; those that could not move are logged
   */
  int moveToLatest() {
    List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).list().stream()
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
    if (versions.size() < 2) {
      return 0;
    }
    ProcessDefinition latest = versions.get(versions.size() - 1);
    int moved = 0;
    for (ProcessDefinition older : versions.subList(0, versions.size() - 1)) {
      moved += move(older, latest);
    }
    return moved;
  }

  /** @return how many of the journeys running on {@code older} moved to {@code latest} */
  int move(ProcessDefinition older, ProcessDefinition latest) {
    List<String> journeys = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list()
        .stream().map(ProcessInstance::getId).toList();
    if (journeys.isEmpty()) {
      return 0;
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
    } catch (ProcessEngineException refused) {
      log.warn("{} journeys stay on {} version {}: no migration plan to version {}: {}", journeys.size(),
          LeadNurturingProcess.KEY, older.getVersion(), latest.getVersion(), refused.getMessage());
      return 0;
    }
    int moved = 0;
    for (int from = 0; from < journeys.size(); from += CHUNK) {
      List<String> chunk = journeys.subList(from, Math.min(journeys.size(), from + CHUNK));
      try {
        migrate(plan, chunk);
        moved += chunk.size();
      } catch (ProcessEngineException chunkRefused) {
        for (String journey : chunk) {
          try {
            migrate(plan, List.of(journey));
            moved++;
          } catch (ProcessEngineException refused) {
            log.warn("Journey {} stays on {} version {} (move it in Cockpit or end it): {}", journey,
                LeadNurturingProcess.KEY, older.getVersion(), refused.getMessage());
          }
        }
      }
    }
    log.info("Moved {} of {} journeys from {} version {} to version {}", moved, journeys.size(),
        LeadNurturingProcess.KEY, older.getVersion(), latest.getVersion());
    return moved;
  }

  private void migrate(MigrationPlan plan, List<String> journeys) {
    runtime.newMigration(plan).processInstanceIds(journeys).skipCustomListeners().skipIoMappings().execute();
  }
}
