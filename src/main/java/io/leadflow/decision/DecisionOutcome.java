package io.leadflow.decision;

import java.util.List;
import java.util.Map;

/**
 * What a decision said and why: its result, and every rule that matched in it and in the
 * decisions it requires, with the rule's annotation.
 *
 * @param decisionKey the evaluated decision
 * @param version its deployed version
 * @param result the outputs of the evaluated decision's first result entry (by output name)
 * @param matchedRules the rules that matched, in the order they were evaluated
 * @param requiredResults the single outputs of the required decisions (by output name)
 */
public record DecisionOutcome(
    String decisionKey,
    int version,
    Map<String, Object> result,
    List<MatchedRule> matchedRules,
    Map<String, Object> requiredResults) {

  /** A rule that matched: which decision and rule, its outputs and the annotation saying why it exists. */
  public record MatchedRule(String decisionKey, String ruleId, String annotation, Map<String, Object> outputs) {}
}
