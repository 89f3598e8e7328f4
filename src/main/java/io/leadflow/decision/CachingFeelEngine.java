package io.leadflow.decision;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.jdk.CollectionConverters;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.control.NonFatal$;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult$;
import org.camunda.feel.api.SuccessfulEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.impl.parser.ExpressionValidator;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's default FEEL engine for DMN ({@link ScalaFeelEngine}), except that what does not
 * change between evaluations is made once and kept: each distinct expression text is parsed once,
 * and the table of FEEL's built-in functions is built once.
 *
 * <p>Why: on every evaluation of every input entry (unary tests), input expression and output
 * entry, the Scala engine parses the text again and builds anew the table of all its built-in
 * functions. Both cost far more than the evaluation itself: scoring made a few hundred
 * evaluations a second of its decisions that way and must make thousands.
 *
 * <p>The rest is Camunda's and FEEL's own code: {@link ScalaFeelEngine} still configures the FEEL
 * engine (value mappers, custom function providers, no external functions), maps the {@code
 * VariableContext} into FEEL, passes the tested input's name for {@code ?} / {@code cellInput}
 * and turns failures into {@code FeelException}. Of the FEEL engine it builds, the two parse steps
 * are memoised (failures too: parsing the same text gives the same answer) and {@link
 * Reusing#evaluate} does what {@code org.camunda.feel.FeelEngine.evaluate} of feel-engine 1.19
 * does, with the built-in functions made once; {@code CachingFeelEngineTest} compares the two.
 * Check that method when feel-engine is upgraded.
 *
 * <p>Thread-safe: a parsed expression is an immutable syntax tree, the built-in functions are
 * immutable (the clock is read when {@code now()} or {@code today()} is called), every evaluation
 * gets a context of its own, and the caches are concurrent maps. They are bounded: the texts come
 * from the deployed decisions, a few hundred at most; should they ever reach {@value #MAX_CACHED}
 * (say, after very many redeployments with edited rules) a cache is emptied and fills again with
 * what is in use.
 */
class CachingFeelEngine extends ScalaFeelEngine {

  static final int MAX_CACHED = 10_000;

  CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  /** The FEEL engine exactly as {@link ScalaFeelEngine} configures it, reusing what it may. */
  @Override
  protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
      CompositeValueMapper valueMapper) {
    return new Reusing(super.buildFeelEngine(transformer, valueMapper));
  }

  /**
   * The FEEL engine whose {@code evalExpression} and {@code evalUnaryTests} (which parse, then
   * {@code evaluate}) parse through the caches and evaluate with the built-in functions made once.
   */
  @SuppressWarnings("deprecation")
  private static final class Reusing extends org.camunda.feel.FeelEngine {

    private static final List<EvaluationFailure> NO_FAILURES = FailedEvaluationResult$.MODULE$.apply$default$2();

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
    private final FeelInterpreter interpreter;
    private final ExpressionValidator validator;
    private final FunctionProvider functions;

    Reusing(org.camunda.feel.FeelEngine configured) {
      super(configured.functionProvider(), configured.valueMapper(), configured.configuration(), configured.clock());
      interpreter = new FeelInterpreter(valueMapper());
      validator = new ExpressionValidator(configuration().externalFunctionsEnabled());
      functions = new CompositeFunctionProvider(CollectionConverters.ListHasAsScala(
          java.util.List.of(new BuiltinFunctions(clock(), valueMapper()), functionProvider())).asScala().toList());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return parsed(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return parsed(unaryTests, expression, super::parseUnaryTests);
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
        String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
      if (expression == null) {
        return parser.apply(null); // a failure, as uncached; a concurrent map takes no null key
      }
      Either<Failure, ParsedExpression> parsed = cache.get(expression);
      if (parsed == null) {
        // parsed outside the map's lock: two threads may each parse the same new text once
        parsed = parser.apply(expression);
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        cache.putIfAbsent(expression, parsed);
      }
      return parsed;
    }

    /** As the FEEL engine's own, whose root context builds the built-in functions anew each time. */
    @Override
    public EvaluationResult evaluate(ParsedExpression expression, Context context) {
      try {
        Option<Failure> invalid = validator.validateExpression(expression.expression());
        if (invalid.isDefined()) {
          return new FailedEvaluationResult(
              new Failure("validation of expression '" + expression.text() + "' failed: " + invalid.get().message()),
              NO_FAILURES);
        }
        return eval(expression, EvalContext.create(valueMapper(), functions).merge(context));
      } catch (Throwable failure) {
        if (!NonFatal$.MODULE$.apply(failure)) {
          throw failure;
        }
        return new FailedEvaluationResult(
            new Failure("failed to evaluate expression '" + expression.text() + "' : " + failure), NO_FAILURES);
      }
    }

    private EvaluationResult eval(ParsedExpression expression, EvalContext context) {
      Val value = interpreter.eval(expression.expression(), context);
      List<EvaluationFailure> failures = context.failureCollector().failures();
      String assertion = assertionFailure(failures);
      if (assertion != null) {
        return new FailedEvaluationResult(new Failure(
            "Assertion failure on evaluate the expression '" + expression.text() + "': " + assertion), failures);
      }
      if (value instanceof ValError error) {
        return new FailedEvaluationResult(
            new Failure("failed to evaluate expression '" + expression.text() + "': " + error.error()), failures);
      }
      if (value instanceof ValFatalError error) {
        return new FailedEvaluationResult(
            new Failure("failed to evaluate expression '" + expression.text() + "': " + error.error()), failures);
      }
      return new SuccessfulEvaluationResult(valueMapper().unpackVal(value), failures);
    }

    private static String assertionFailure(List<EvaluationFailure> failures) {
      var iterator = failures.iterator();
      while (iterator.hasNext()) {
        EvaluationFailure failure = iterator.next();
        if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
          return failure.failureMessage();
        }
      }
      return null;
    }
  }
}
