package io.leadflow.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployment by someone who is not an administrator may contain (docs/security.md, "What a
 * deployment may contain"): BPMN, DMN and form files; no scripts, no Java classes, no expression
 * language but the default (JUEL in BPMN, FEEL in DMN), and only expressions {@link ExpressionPolicy}
 * accepts. Reads the files as they were sent, before the engine parses them, so nothing of a refused
 * model is ever parsed, stored or run.
 */
final class ModelPolicy {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** The engine still reads Activiti's namespace as Camunda's (activiti:class and so on). */
  static final String ACTIVITI_NS = "http://activiti.org/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** BPMN's own default for definitions' expressionLanguage; Camunda ignores it either way. */
  private static final String BPMN_DEFAULT_EXPRESSION_LANGUAGE = "http://www.w3.org/1999/XPath";
  private static final Set<String> FEEL = Set.of(
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
  /** Camunda attributes that name a Java class the engine would load and instantiate. */
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
  /** Text that is shown, never evaluated. */
  private static final Set<String> PROSE = Set.of("documentation", "text", "description");

  /** One thing a file may not contain: where, and why. */
  record Refusal(String resource, String elementId, String element, String reason) {

    String message() {
      return resource + ": " + element + (elementId == null ? "" : " '" + elementId + "'") + ": " + reason;
    }
  }

  private final ExpressionPolicy expressions;

  ModelPolicy(ExpressionPolicy expressions) {
    this.expressions = expressions;
  }

  List<Refusal> check(String resource, byte[] content) {
    String name = resource.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return checkXml(resource, content, false);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      return checkXml(resource, content, true);
    }
    if (name.endsWith(".form")) {
      return List.of();
    }
    return List.of(new Refusal(resource, null, "file",
        "only BPMN (.bpmn), DMN (.dmn) and form (.form) files may be deployed by designers: other resources "
            + "(scripts, embedded HTML forms, CMMN) run code on the server or in other users' browsers"));
  }

  private List<Refusal> checkXml(String resource, byte[] content, boolean dmn) {
    Element root;
    try {
      root = parse(content);
    } catch (Exception e) {
      return List.of(new Refusal(resource, null, "file", "is not well-formed XML without a DOCTYPE: " + e.getMessage()));
    }
    List<Refusal> refusals = new ArrayList<>();
    visit(resource, root, dmn, refusals);
    return refusals;
  }

  private void visit(String resource, Element element, boolean dmn, List<Refusal> refusals) {
    String local = element.getLocalName();
    String ns = element.getNamespaceURI();
    if (!dmn && local.equals("scriptTask")) {
      refuse(refusals, resource, element, "script tasks are not allowed: scripts run with the engine's rights. "
          + "Use a service task with one of Leadflow's delegates (camunda:delegateExpression)");
    } else if (!dmn && local.equals("script") && !(BPMN_NS.equals(ns) && element.getParentNode() instanceof Element parent
        && "scriptTask".equals(parent.getLocalName()))) {
      refuse(refusals, resource, element, "scripts (camunda:script) are not allowed: they run with the engine's rights");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      checkAttribute(resource, element, attribute, dmn, refusals);
    }
    if (!dmn && !PROSE.contains(local)) {
      String text = ownText(element);
      if (ExpressionPolicy.holdsExpression(text)) {
        expressions.refusal(text.trim()).ifPresent(reason -> refuse(refusals, resource, element, reason));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(resource, childElement, dmn, refusals);
      }
    }
  }

  private void checkAttribute(String resource, Element element, Attr attribute, boolean dmn, List<Refusal> refusals) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
      return;
    }
    if (dmn) {
      if (name.equals("expressionLanguage") && !isFeel(value)) {
        refuse(refusals, resource, element, "expressionLanguage=\"" + value + "\" is not allowed: decisions are "
            + "written in FEEL (leave expressionLanguage out, or use FEEL); other languages run code with the engine's rights");
      }
      return;
    }
    // in any namespace: camunda:, activiti: (which the engine reads the same) or none
    if (CLASS_ATTRIBUTES.contains(name)) {
      refuse(refusals, resource, element, "camunda:" + name + "=\"" + value + "\" is not allowed: a model may not "
          + "load Java classes. Use one of Leadflow's delegates with camunda:delegateExpression=\"${...}\"");
    } else if (name.equals("resource")) {
      refuse(refusals, resource, element, "camunda:resource=\"" + value + "\" is not allowed: scripts from resources run "
          + "with the engine's rights");
    } else if (name.equals("scriptFormat") || name.equals("language")) {
      refuse(refusals, resource, element, name + "=\"" + value + "\" is not allowed: expressions are written in the "
          + "engine's default expression language (${...}), not in a script language");
    } else if (name.equals("expressionLanguage") && !value.isBlank() && !value.equals(BPMN_DEFAULT_EXPRESSION_LANGUAGE)) {
      refuse(refusals, resource, element, "expressionLanguage=\"" + value + "\" is not allowed: expressions are written "
          + "in the engine's default expression language (${...})");
    } else if (ExpressionPolicy.holdsExpression(value)) {
      expressions.refusal(value).ifPresent(reason -> refuse(refusals, resource, element, reason));
    }
  }

  static boolean isFeel(String language) {
    return language != null && (FEEL.contains(language.trim()) || language.trim().equalsIgnoreCase("feel"));
  }

  private static void refuse(List<Refusal> refusals, String resource, Element element, String reason) {
    Element identified = element;
    while (!identified.hasAttribute("id") && identified.getParentNode() instanceof Element parent) {
      identified = parent;
    }
    String described = prefixed(element);
    if (identified != element) {
      // e.g. "camunda:executionListener in serviceTask 'grant'"
      described += " in " + prefixed(identified);
    }
    refusals.add(new Refusal(resource, identified.hasAttribute("id") ? identified.getAttribute("id") : null, described, reason));
  }

  private static String prefixed(Element element) {
    String ns = element.getNamespaceURI();
    return (CAMUNDA_NS.equals(ns) || ACTIVITI_NS.equals(ns) ? "camunda:" : "") + element.getLocalName();
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static Element parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
  }
}
