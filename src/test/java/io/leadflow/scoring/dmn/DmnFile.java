package io.leadflow.scoring.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.decision.LeadflowDmnEngine;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One DMN file of {@code bpmn/}, parsed once by a DMN engine configured as the scoring's own
 * ({@link LeadflowDmnEngine}; no Spring, no process engine) whose listeners record, for each
 * evaluation, which rules of which decision table matched and what the literal expressions
 * returned: what the scoring Java reads into its ledger.
 */
final class DmnFile {

  private final File file;
  private final DmnModelInstance model;
  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions;
  private final List<DmnDecisionTableEvaluationEvent> tableEvents = new ArrayList<>();
  private final List<DmnDecisionEvaluationEvent> decisionEvents = new ArrayList<>();

  private DmnFile(String fileName) {
    file = new File("bpmn", fileName);
    model = Dmn.readModelFromFile(file);
    engine = LeadflowDmnEngine.configuration()
        .customPostDecisionTableEvaluationListeners(List.of(tableEvents::add))
        .customPostDecisionEvaluationListeners(List.of(decisionEvents::add))
        .buildEngine();
    try (InputStream in = new FileInputStream(file)) {
      decisions = engine.parseDecisions(in).stream()
          .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code bpmn/<fileName>}, relative to the project root (Maven's working directory). */
  static DmnFile load(String fileName) {
    return new DmnFile(fileName);
  }

  /** Variables as the Java passes them: any of them may be null. */
  static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** The rule ids the model has, e.g. {@code Rule_PricingPage}, prefixed with "Rule_" as given. */
  static List<String> rules(String... names) {
    return Arrays.stream(names).map(name -> "Rule_" + name).toList();
  }

  synchronized Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
    DmnDecision decision = decisions.get(decisionKey);
    assertThat(decision).as("decision %s in %s", decisionKey, file).isNotNull();
    tableEvents.clear();
    decisionEvents.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);

    Map<String, List<String>> matchedRules = new LinkedHashMap<>();
    for (DmnDecisionTableEvaluationEvent event : tableEvents) {
      List<String> ids = matchedRules.computeIfAbsent(event.getDecisionTable().getKey(), key -> new ArrayList<>());
      event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(ids::add);
    }
    Map<String, Map<String, Object>> literalResults = new LinkedHashMap<>();
    assertThat(decisionEvents).as("one decision evaluation event").hasSize(1);
    DmnDecisionEvaluationEvent event = decisionEvents.get(0);
    List<DmnDecisionLogicEvaluationEvent> evaluated = new ArrayList<>(event.getRequiredDecisionResults());
    evaluated.add(event.getDecisionResult());
    for (DmnDecisionLogicEvaluationEvent logic : evaluated) {
      if (logic instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
        Map<String, Object> output = new HashMap<>();
        output.put(literal.getOutputName(), literal.getOutputValue().getValue());
        literalResults.put(literal.getDecision().getKey(), output);
      }
    }
    return new Evaluation(result, matchedRules, literalResults);
  }

  /** Every rule id of every decision table in the file, read from the model. */
  Set<String> ruleIds() {
    return model.getModelElementsByType(Rule.class).stream()
        .map(Rule::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  DmnModelInstance model() {
    return model;
  }

  /**
   * The team's standard: every rule says why it exists (the ledger shows it), every decision has
   * a history time to live.
   */
  void assertEveryRuleIsExplainedAndEveryDecisionExpires() {
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      assertThat(rule.getDescription()).as("annotation of %s in %s", rule.getId(), file).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("annotation of %s in %s", rule.getId(), file).isNotBlank();
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString())
          .as("history time to live of %s", decision.getId())
          .isEqualTo("180");
    }
  }

  /** Fails, naming them, when rules of the file matched in none of the given evaluations. */
  void assertEveryRuleIsExercisedBy(List<Evaluation> evaluations) {
    Set<String> matched = new TreeSet<>();
    evaluations.forEach(evaluation -> matched.addAll(evaluation.allMatchedRules()));
    Set<String> notExercised = new TreeSet<>(ruleIds());
    notExercised.removeAll(matched);
    assertThat(notExercised).as("rules of %s that no test case exercises", file).isEmpty();
  }

  /** What one evaluation returned and which rules it matched, per decision (table) key. */
  record Evaluation(
      DmnDecisionResult result,
      Map<String, List<String>> matchedRules,
      Map<String, Map<String, Object>> literalResults) {

    /** The single value of the single result (a COLLECT/SUM total, a UNIQUE table's output). */
    Object singleEntry() {
      return result.getSingleEntry();
    }

    Object output(String name) {
      return result.getSingleResult().getEntry(name);
    }

    List<String> matchedRules(String decisionKey) {
      return matchedRules.getOrDefault(decisionKey, List.of());
    }

    Set<String> allMatchedRules() {
      return matchedRules.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /** The output name and value of a literal expression decision evaluated on the way. */
    Map<String, Object> literalResult(String decisionKey) {
      return literalResults.getOrDefault(decisionKey, Map.of());
    }
  }
}
