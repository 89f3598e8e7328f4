package io.leadflow.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Leadflow's decisions as deployed in the engine (scoring's and sales routing's: the latest version
 * of each key), parsed once
 * and kept in memory, evaluated by a DMN engine of their own ({@link LeadflowDmnEngine}): no
 * decision history is written, because Leadflow records what they decided itself (the score ledger, the routing reason), and nothing is read or
 * parsed again per evaluation, FEEL expressions included. A deployment with decisions that
 * commits here is picked up at once; one made on another node within {@code
 * leadflow.scoring.decision-refresh}.
 */
@Component
public class DeployedDecisions {

  private static final ThreadLocal<List<DmnDecisionEvaluationEvent>> EVALUATIONS = new ThreadLocal<>();

  private final RepositoryService repository;
  private final DecisionDeployments deployments;
  private final DmnEngine dmn;
  private final Map<String, Deployed> latest = new ConcurrentHashMap<>();
  private volatile long generation = -1;

  DeployedDecisions(RepositoryService repository, DecisionDeployments deployments) {
    this.repository = repository;
    this.deployments = deployments;
    this.dmn = LeadflowDmnEngine.configuration()
        .customPostDecisionEvaluationListeners(List.of(new Recorder()))
        .buildEngine();
  }

  /** Evaluates the latest deployed version of the decision with these variables. */
  public DecisionOutcome evaluate(String decisionKey, Map<String, ?> variables) {
    Deployed deployed = deployed(decisionKey);
    List<DmnDecisionEvaluationEvent> events = new ArrayList<>(1);
    EVALUATIONS.set(events);
    DmnDecisionResult result;
    try {
      result = dmn.evaluateDecision(deployed.decision(), inputs(variables));
    } finally {
      EVALUATIONS.remove();
    }
    List<DecisionOutcome.MatchedRule> matched = new ArrayList<>();
    Map<String, Object> required = new LinkedHashMap<>();
    for (DmnDecisionEvaluationEvent event : events) {
      for (DmnDecisionLogicEvaluationEvent requiredResult : event.getRequiredDecisionResults()) {
        collect(requiredResult, deployed, matched, required);
      }
      collect(event.getDecisionResult(), deployed, matched, null);
    }
    Map<String, Object> outputs = result.isEmpty() ? Map.of() : result.getFirstResult().getEntryMap();
    return new DecisionOutcome(decisionKey, deployed.version(), outputs, matched, required);
  }

  /** The variables copied once, into the map the DMN engine takes (not via a HashMap it would copy again). */
  private static VariableMap inputs(Map<String, ?> variables) {
    VariableMap inputs = Variables.createVariables();
    inputs.putAll(variables);
    return inputs;
  }

  /** The deployed version that {@link #evaluate} uses now. */
  public int version(String decisionKey) {
    return deployed(decisionKey).version();
  }

  /** For a cluster: notices decisions deployed on another node. */
  @Scheduled(fixedDelayString = "${leadflow.scoring.decision-refresh:PT30S}")
  void refreshFromOtherNodes() {
    for (Deployed deployed : latest.values()) {
      DecisionDefinition current = latestDefinition(deployed.key());
      if (current != null && !current.getId().equals(deployed.definitionId())) {
        latest.remove(deployed.key());
      }
    }
  }

  private Deployed deployed(String key) {
    long now = deployments.generation();
    if (now != generation) {
      latest.clear();
      generation = now;
    }
    return latest.computeIfAbsent(key, this::load);
  }

  private Deployed load(String key) {
    DecisionDefinition definition = latestDefinition(key);
    if (definition == null) {
      throw new IllegalStateException("No decision '" + key + "' is deployed: deploy it from bpmn/");
    }
    byte[] dmnXml;
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      dmnXml = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DmnDecisionRequirementsGraph graph = dmn.parseDecisionRequirementsGraph(new ByteArrayInputStream(dmnXml));
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml));
    Map<String, String> annotations = new HashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      annotations.put(rule.getId(), rule.getDescription() == null ? null : rule.getDescription().getTextContent().trim());
    }
    return new Deployed(key, definition.getId(), definition.getVersion(), graph.getDecision(key), annotations);
  }

  private DecisionDefinition latestDefinition(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private static void collect(DmnDecisionLogicEvaluationEvent event, Deployed deployed,
      List<DecisionOutcome.MatchedRule> matched, Map<String, Object> required) {
    String key = event.getDecision().getKey();
    if (event instanceof DmnDecisionTableEvaluationEvent table) {
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        rule.getOutputEntries().values().forEach(output -> outputs.put(output.getOutputName(), output.getValue().getValue()));
        matched.add(new DecisionOutcome.MatchedRule(key, rule.getId(), deployed.annotations().get(rule.getId()), outputs));
        if (required != null && table.getMatchingRules().size() == 1) {
          required.putAll(outputs);
        }
      }
    } else if (event instanceof DmnDecisionLiteralExpressionEvaluationEvent literal && required != null) {
      required.put(literal.getOutputName(), literal.getOutputValue().getValue());
    }
  }

  private record Deployed(String key, String definitionId, int version, DmnDecision decision, Map<String, String> annotations) {}

  /** Keeps what each evaluation did for the thread that asked. */
  private static final class Recorder implements DmnDecisionEvaluationListener {
    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
      List<DmnDecisionEvaluationEvent> events = EVALUATIONS.get();
      if (events != null) {
        events.add(event);
      }
    }
  }
}
