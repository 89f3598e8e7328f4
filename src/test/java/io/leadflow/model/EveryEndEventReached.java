package io.leadflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a model test class that leaves an end event of its process unreached. After each test it
 * reads, from history, which elements of the process the test passed; after the class it compares
 * them with the end events listed from the model itself (so a new end event needs a new test) and
 * prints a one-line summary of the flow nodes reached.
 *
 * <p>Register it after the engine extension ({@code @Order(2)}, see {@link ModelTests}).
 */
public final class EveryEndEventReached implements AfterTestExecutionCallback, AfterAllCallback {

  private final ProcessEngineExtension engine;
  private final String processKey;
  private final String bpmnResource;
  private final Set<String> reached = new TreeSet<>();

  public EveryEndEventReached(ProcessEngineExtension engine, String processKey, String bpmnResource) {
    this.engine = engine;
    this.processKey = processKey;
    this.bpmnResource = bpmnResource;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
        .filter(activity -> activity.getProcessDefinitionKey().equals(processKey))
        .map(HistoricActivityInstance::getActivityId)
        .forEach(reached::add);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    BpmnModelInstance model = model();
    assertThat((Process) model.getModelElementById(processKey)).as("process %s in %s", processKey, bpmnResource).isNotNull();
    // one process per file: every end event and flow node of the file is the process' (sub-processes included)
    Set<String> endEvents = idsOf(model.getModelElementsByType(EndEvent.class));
    // link events are jumps the engine keeps no history of: left out of this count (the library counts them)
    Set<String> flowNodes = idsOf(model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> node.getChildElementsByType(LinkEventDefinition.class).isEmpty())
        .toList());
    Set<String> unreachedNodes = new TreeSet<>(flowNodes);
    unreachedNodes.removeAll(reached);
    Set<String> unreachedEnds = new TreeSet<>(endEvents);
    unreachedEnds.removeAll(reached);
    System.out.printf("Model coverage %s: %d/%d flow nodes passed (link events not counted), %d/%d end events reached%s%n",
        processKey, flowNodes.size() - unreachedNodes.size(), flowNodes.size(),
        endEvents.size() - unreachedEnds.size(), endEvents.size(),
        unreachedNodes.isEmpty() ? "" : "; not passed: " + unreachedNodes);
    assertThat(unreachedEnds).as("end events of %s that no test reached", processKey).isEmpty();
  }

  private BpmnModelInstance model() {
    InputStream stream = getClass().getClassLoader().getResourceAsStream(bpmnResource);
    assertThat(stream).as("model %s on the test class path", bpmnResource).isNotNull();
    return Bpmn.readModelFromStream(stream);
  }

  private static Set<String> idsOf(Collection<? extends FlowNode> nodes) {
    return nodes.stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
  }
}
