package io.leadflow.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.BeanFactory;

/**
 * What an expression in a designer's model may name (docs/security.md, "What a deployment may
 * contain"). The expression is parsed by the engine's own expression parser (JUEL, with method
 * invocations as the engine enables them) and every name in it is looked at:
 * <ul>
 *   <li>a top-level name is a process variable, {@code execution}, {@code task}, or one of
 *       {@link DesignerBeans}; never another bean of the application, nor anything called like an
 *       engine service, the environment or a context;
 *   <li>on {@code execution} and {@code task} only the plain methods Leadflow's models use (variables,
 *       business key, ids, the task's assignee and dates): not {@code getProcessEngineServices()};
 *   <li>on a designer bean only its own public methods;
 *   <li>on anything, never {@code getClass}, class loaders, reflection, services or contexts;
 *       brackets only with a literal key; functions only {@code now()}, {@code dateTime()},
 *       {@code currentUser()}, {@code currentUserGroups()}.
 * </ul>
 */
final class ExpressionPolicy {

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "authenticatedUserId");

  private static final Set<String> VARIABLE_METHODS = Set.of(
      "getVariable", "getVariableLocal", "setVariable", "setVariableLocal", "hasVariable", "hasVariableLocal",
      "removeVariable", "removeVariableLocal", "getVariables", "variables", "getVariablesLocal", "variablesLocal",
      "getVariableNames", "variableNames", "getVariableNamesLocal", "variableNamesLocal",
      "getId", "id", "getProcessInstanceId", "processInstanceId", "getProcessDefinitionId", "processDefinitionId",
      "getEventName", "eventName", "getTenantId", "tenantId");

  private static final Set<String> EXECUTION_METHODS = union(VARIABLE_METHODS, Set.of(
      "getProcessBusinessKey", "processBusinessKey", "setProcessBusinessKey", "getBusinessKey", "businessKey",
      "getCurrentActivityId", "currentActivityId", "getCurrentActivityName", "currentActivityName",
      "getActivityInstanceId", "activityInstanceId"));

  private static final Set<String> TASK_METHODS = union(VARIABLE_METHODS, Set.of(
      "getName", "name", "setName", "getDescription", "description", "setDescription",
      "getAssignee", "assignee", "setAssignee", "getOwner", "owner", "setOwner",
      "getDueDate", "dueDate", "setDueDate", "getFollowUpDate", "followUpDate", "setFollowUpDate",
      "getPriority", "priority", "setPriority", "getTaskDefinitionKey", "taskDefinitionKey",
      "getExecutionId", "executionId", "getCreateTime", "createTime",
      "addCandidateUser", "addCandidateGroup", "deleteCandidateUser", "deleteCandidateGroup"));

  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /**
   * Names that reach past the model into the application or the JVM, whatever they are called on
   * (compared without case and without a get/set/is prefix).
   */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "(class|.*classloader|.*services?|processengine.*|.*context|environment|systemproperties|systemenvironment"
          + "|runtime|forname|newinstance|invoke|.*methods?|.*fields?|.*constructors?|module|protectiondomain"
          + "|beanfactory|bean|beans|targetsource|targetclass|advisors|callbacks?|proxiedinterfaces)");

  private final DesignerBeans designerBeans;
  private final BeanFactory beanFactory;

  ExpressionPolicy(DesignerBeans designerBeans, BeanFactory beanFactory) {
    this.designerBeans = designerBeans;
    this.beanFactory = beanFactory;
  }

  /** Whether text (an attribute or element text of a model) holds an expression at all. */
  static boolean holdsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression may not be used, or empty when it may. */
  Optional<String> refusal(String text) {
    Node root;
    try {
      root = PARSER.build(text).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("'" + text + "' is not a valid expression: " + e.getMessage());
    }
    return visit(root).map(reason -> "expression " + text + " " + reason);
  }

  /** Children first, so that the first refusal is the first offending name as the expression reads. */
  private Optional<String> visit(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> refusal = visit(node.getChild(i));
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return check(node);
  }

  private Optional<String> check(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return checkName(identifier.getName());
    }
    if (node instanceof AstFunction function) {
      return FUNCTIONS.contains(function.getName()) ? Optional.empty()
          : Optional.of("calls the function " + function.getName() + "(), and only " + FUNCTIONS + " are available");
    }
    if (node instanceof AstDot dot) {
      // AstDot prints itself as ". member"
      return checkMember(dot.getChild(0), dot.toString().substring(2).trim());
    }
    if (node instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstNumber) {
        return Optional.empty();
      }
      if (key instanceof AstString string) {
        return checkMember(bracket.getChild(0), String.valueOf(string.eval(null, null)));
      }
      return Optional.of("looks up a member by a computed name ([...] with something other than a literal)");
    }
    return Optional.empty();
  }

  private Optional<String> checkName(String name) {
    if (CONTEXT_OBJECTS.contains(name) || designerBeans.allows(name)) {
      return Optional.empty();
    }
    if (forbidden(name)) {
      return Optional.of("names '" + name + "', which models may not use (engine services, the environment, "
          + "contexts and class loaders are out of a model's reach)");
    }
    if (beanFactory.containsBean(name)) {
      return Optional.of("names the application's bean '" + name + "', which is not one models may use: only "
          + "Leadflow's delegates and listeners and " + DesignerBeans.HELPERS);
    }
    // anything else is a process variable
    return Optional.empty();
  }

  private Optional<String> checkMember(Node base, String member) {
    if (forbidden(member)) {
      return Optional.of("uses '" + member + "', which models may not use (classes, reflection, engine services "
          + "and contexts are out of a model's reach)");
    }
    if (base instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (name.equals("execution") && !EXECUTION_METHODS.contains(member)) {
        return Optional.of("calls execution." + member + ", and models may only use " + EXECUTION_METHODS + " of execution");
      }
      if (name.equals("task") && !TASK_METHODS.contains(member)) {
        return Optional.of("calls task." + member + ", and models may only use " + TASK_METHODS + " of task");
      }
      if (designerBeans.allows(name) && !ownMember(designerBeans.typeOf(name), member)) {
        return Optional.of("calls " + name + "." + member + ", which is not a public method of " + name);
      }
    }
    return Optional.empty();
  }

  /** A public method of the bean's own class or interfaces (not Object's), or a property with such a getter. */
  private static boolean ownMember(Class<?> type, String member) {
    if (type == null) {
      return false;
    }
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || !Modifier.isPublic(method.getModifiers())) {
        continue;
      }
      String name = method.getName();
      if (name.equals(member) || name.equals("get" + capitalized(member)) || name.equals("is" + capitalized(member))) {
        return true;
      }
    }
    return false;
  }

  static boolean forbidden(String name) {
    String plain = name.toLowerCase(Locale.ROOT).replaceFirst("^(get|set|is)(?=.)", "");
    return FORBIDDEN.matcher(plain).matches() || FORBIDDEN.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  private static String capitalized(String member) {
    return member.isEmpty() ? member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
