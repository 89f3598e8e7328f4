package io.leadflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CachingFeelEngine} answers as Camunda's default FEEL engine does, the same result or the
 * same exception, the first time and when its parsed expressions are reused.
 */
class CachingFeelEngineTest {

  private static final FeelEngine CAMUNDA = new ScalaFeelEngineFactory().createInstance();
  private static final FeelEngine CACHING = new CachingFeelEngine(null);

  /** Inputs as the DMN engine passes them in {@code cellInput}: what the scoring's input expressions give. */
  private static final List<Object> INPUTS = Arrays.asList(null, 0, 5, 9L, 10, 49.5, 250, 1000L,
      "software", "Software", "retail", true, false, LocalDate.of(2025, 3, 1));

  /** Input entries as decision tables have them. */
  static Stream<String> unaryTests() {
    return Stream.of(
        "< 10", "<= 3", ">= 1000", "> 5", "5", "[1..9]", "]1..9[", "(1..9]", "[10..49]", "[50..249], >= 1000",
        "< 20, null", "null", "not(null)", "-", "",
        "\"software\"", "\"software\",\"manufacturing\",\"financial services\"", "not(\"software\", \"retail\")",
        "true", "false", "not(true)",
        "? > 5", "cellInput > 5", "? = threshold", "> threshold", "starts with(?, \"soft\")",
        "date(\"2025-03-01\")", "< date(\"2025-06-01\")", "[date(\"2025-01-01\")..date(\"2025-12-31\")]",
        // do not parse or cannot be evaluated
        "[1..", ">", "< 10 10", "\"unterminated", "unknownFunction(?)", "assert(?, ? != null)");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("unaryTests")
  void unaryTestsAnswerAsCamundasEngine(String expression) {
    for (Object input : INPUTS) {
      Outcome expected = outcome(() -> CAMUNDA.evaluateSimpleUnaryTests(expression, "cellInput", context(input)));

      assertThat(outcome(() -> CACHING.evaluateSimpleUnaryTests(expression, "cellInput", context(input))))
          .as("%s <- %s", expression, input)
          .isEqualTo(expected);
      assertThat(outcome(() -> CACHING.evaluateSimpleUnaryTests(expression, "cellInput", context(input))))
          .as("%s <- %s again, parsed from the cache", expression, input)
          .isEqualTo(expected);
    }
  }

  static Stream<String> expressions() {
    return Stream.of(
        "companySize", "25", "-3", "2.5 * 2", "\"EMEA\"", "null", "true",
        "if industry = null then null else lower case(industry)",
        "if jobTitle = null then null else if matches(jobTitle, \"\\\\b(vp|head|director)\\\\b\", \"i\") then \"VP\" else \"Other\"",
        "fitGrade + string(engagementLevel)",
        "[1, 2, 3]", "{a: 1, b: \"x\"}", "date(\"2025-03-01\") + duration(\"P1D\")", "sum([companySize, 5])",
        "unknownVariable", "companySize + \"x\"",
        // do not parse, cannot be evaluated or call Java (disabled)
        "if then", "(1 + 2", "?", "assert(companySize, companySize > 1000)", "unknownFunction(1)", "lower case(25)",
        "{f: function(x) external {java: {class: \"java.lang.Math\", method signature: \"abs(int)\"}}, r: f(-1)}.r");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void expressionsAnswerAsCamundasEngine(String expression) {
    Outcome expected = outcome(() -> CAMUNDA.evaluateSimpleExpression(expression, expressionContext()));

    assertThat(outcome(() -> CACHING.evaluateSimpleExpression(expression, expressionContext()))).isEqualTo(expected);
    assertThat(outcome(() -> CACHING.evaluateSimpleExpression(expression, expressionContext())))
        .as("again, parsed from the cache")
        .isEqualTo(expected);
  }

  @Test
  void failuresAreFeelExceptionsNamingTheExpression() {
    Outcome unparsable = outcome(() -> CACHING.evaluateSimpleUnaryTests("[1..", "cellInput", context(5)));
    Outcome unevaluable = outcome(() -> CACHING.evaluateSimpleExpression("? + 1", expressionContext()));

    assertThat(unparsable.exception()).isEqualTo(FeelException.class);
    assertThat(unparsable.message()).contains("FEEL/SCALA-01008", "[1..");
    assertThat(unevaluable.exception()).isEqualTo(FeelException.class);
    assertThat(unevaluable.message()).contains("FEEL/SCALA-01008", "? + 1");
  }

  @Test
  void manyThreadsAtOnceGetWhatOneThreadGets() throws Exception {
    List<String> expressions = unaryTests().toList();
    Map<String, Outcome> expected = new HashMap<>();
    for (String expression : expressions) {
      for (Object input : INPUTS) {
        expected.put(expression + " <- " + input,
            outcome(() -> CAMUNDA.evaluateSimpleUnaryTests(expression, "cellInput", context(input))));
      }
    }
    FeelEngine fresh = new CachingFeelEngine(null);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map<String, Outcome>>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        results.add(threads.submit(() -> {
          Map<String, Outcome> seen = new HashMap<>();
          for (int round = 0; round < 3; round++) {
            for (String expression : expressions) {
              for (Object input : INPUTS) {
                seen.put(expression + " <- " + input,
                    outcome(() -> fresh.evaluateSimpleUnaryTests(expression, "cellInput", context(input))));
              }
            }
          }
          return seen;
        }));
      }
      for (Future<Map<String, Outcome>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theScoringDmnEngineUsesIt() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) LeadflowDmnEngine.configuration().buildEngine().getConfiguration();

    assertThat(configuration.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
  }

  /** What an evaluation gave: a value, or an exception's class and message. */
  record Outcome(Object value, Class<?> exception, String message) {}

  private static Outcome outcome(Supplier<Object> evaluation) {
    try {
      return new Outcome(evaluation.get(), null, null);
    } catch (RuntimeException e) {
      return new Outcome(null, e.getClass(), e.getMessage());
    }
  }

  private static VariableContext context(Object input) {
    VariableMap variables = Variables.createVariables()
        .putValue("cellInput", input)
        .putValue("threshold", 5);
    return variables.asVariableContext();
  }

  private static VariableContext expressionContext() {
    return Variables.createVariables()
        .putValue("companySize", 250)
        .putValue("industry", "Software")
        .putValue("jobTitle", "Head of Sales")
        .putValue("fitGrade", "B")
        .putValue("engagementLevel", 2)
        .asVariableContext();
  }
}
