package io.leadflow.scoring;

import io.leadflow.api.NotFound;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/scoring/rescore}: recompute every lead's score from its profile and stored
 * interactions under the decisions deployed now (202, a job to follow); {@code GET
 * /api/scoring/rescore/{job}}: its progress. The job is a run of bpmn/score-recalculation.bpmn,
 * also visible in Cockpit. Marketing and administrators only.
 */
@RestController
class RescoreController {


  private final RuntimeService runtime;
  private final HistoryService history;

  RescoreController(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  @PostMapping("/api/scoring/rescore")
  ResponseEntity<RescoreJob> rescore(Principal principal) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ScoreRecalculationProcess.Variables.CAUSE, ScoreCause.RESCORE.name());
    variables.put(ScoreRecalculationProcess.Variables.REQUESTED_BY, principal.getName());
    ProcessInstance run = runtime.startProcessInstanceByMessage(ScoreRecalculationProcess.Messages.RESCORE_REQUESTED, "rescore", variables);
    return ResponseEntity.accepted().location(URI.create("/api/scoring/rescore/" + run.getId())).body(job(run.getId()));
  }

  @GetMapping("/api/scoring/rescore/{job}")
  RescoreJob progress(@PathVariable String job) {
    return job(job);
  }

  private RescoreJob job(String id) {
    HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
        .processInstanceId(id).processDefinitionKey(ScoreRecalculationProcess.KEY).singleResult();
    if (run == null) {
      throw new NotFound("rescore job", id);
    }
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(id).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    String status = switch (run.getState()) {
      case HistoricProcessInstance.STATE_COMPLETED -> "COMPLETED";
      case HistoricProcessInstance.STATE_ACTIVE -> runtime.createIncidentQuery().processInstanceId(id).count() > 0 ? "FAILED" : "RUNNING";
      default -> run.getState();
    };
    return new RescoreJob(id, status, number(variables.get(ScoreRecalculationProcess.Variables.LEADS_DONE)),
        variables.containsKey(ScoreRecalculationProcess.Variables.LEADS_TOTAL) ? number(variables.get(ScoreRecalculationProcess.Variables.LEADS_TOTAL)) : null,
        (String) variables.get(ScoreRecalculationProcess.Variables.REQUESTED_BY), utc(run.getStartTime()), utc(run.getEndTime()));
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }

  private static OffsetDateTime utc(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** A rescore run: RUNNING, FAILED (an incident in Cockpit) or COMPLETED, and how far it got. */
  record RescoreJob(String id, String status, long leadsDone, Long leadsTotal, String requestedBy,
      OffsetDateTime startedAt, OffsetDateTime endedAt) {}
}
