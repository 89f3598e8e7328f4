package io.leadflow.privacy;

import io.leadflow.lead.PersonalDataHolder;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * What the engine keeps about a lead: every process that ran for it (the journey, hand-offs,
 * calls: business key = the lead's id), with its variables (names, companies, emails, profile
 * texts for the forms), its tasks ("Follow up Nuria Vidal (Delta Logistics)") and their comments,
 * and its incidents. Erasure ends the running ones and deletes their history, variables, tasks,
 * comments, identity links, job logs and incidents with them (Camunda deletes a historic process
 * instance with everything that hangs on it).
 */
@Component
class EngineRecordsOfALead implements PersonalDataHolder {

  private static final String ERASED = "the lead asked to be forgotten";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl configuration;

  EngineRecordsOfALead(RuntimeService runtime, HistoryService history, TaskService tasks,
      ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
  }

  @Override
  public String part() {
    return "processes";
  }

  @Override
  public List<Process> personalDataOf(String leadId) {
    return processesOf(leadId).stream().map(this::process).toList();
  }

  @Override
  public void erase(String leadId) {
    List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      endRunning(running);
    }
    List<String> ended = processesOf(leadId).stream().map(HistoricProcessInstance::getId).toList();
    if (!ended.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(ended);
    }
  }

  /**
   * Ends the lead's running processes. Inside a job (retention), its own command in a new
   * transaction: in the job's command the ended instances would reach the database only when it
   * ends, and their history could not be deleted before. A failure after it leaves the lead's
   * processes ended and the job retries, which then finds only history to delete.
   */
  private void endRunning(List<String> running) {
    if (Context.getCommandContext() == null) {
      runtime.deleteProcessInstancesIfExists(running, ERASED, true, true, false);
      return;
    }
    configuration.getCommandExecutorTxRequiresNew().execute(commandContext -> {
      runtime.deleteProcessInstancesIfExists(running, ERASED, true, true, false);
      return null;
    });
  }

  private List<HistoricProcessInstance> processesOf(String leadId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .orderByProcessInstanceStartTime().asc().list();
  }

  private Process process(HistoricProcessInstance instance) {
    List<Variable> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .stream().map(v -> new Variable(v.getName(), v.getValue() == null ? null : v.getValue().toString())).toList();
    List<Task> taskList = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list().stream().map(this::task).toList();
    List<String> incidents = history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list().stream()
        .map(incident -> incident.getIncidentMessage()).toList();
    return new Process(instance.getId(), instance.getProcessDefinitionKey(), instant(instance.getStartTime()),
        instant(instance.getEndTime()), instance.getState(), variables, taskList, incidents);
  }

  private Task task(HistoricTaskInstance task) {
    List<String> comments = tasks.getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList();
    return new Task(task.getName(), task.getAssignee(), instant(task.getStartTime()), instant(task.getEndTime()),
        task.getDeleteReason(), comments);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** One process that ran for the lead. */
  record Process(String id, String process, Instant started, Instant ended, String state, List<Variable> variables,
      List<Task> tasks, List<String> incidents) {}

  record Variable(String name, String value) {}

  record Task(String name, String assignee, Instant created, Instant ended, String outcome, List<String> comments) {}
}
