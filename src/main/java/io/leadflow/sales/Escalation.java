package io.leadflow.sales;

import io.leadflow.delivery.DeliveryProperties;
import io.leadflow.security.LeadflowGroups;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Speed to lead (bpmn/sales-handoff.bpmn): a follow-up still open at its due time is escalated to
 * the managers (an email, and a task they see in Tasklist); still untouched after
 * {@code leadflow.handoff.reassign-after}, it goes back to the whole team.
 */
@Service
public class Escalation {

  private final IdentityService identity;
  private final TaskService tasks;
  private final JavaMailSender mail;
  private final String from;
  private final HandoffSettings settings;

  Escalation(IdentityService identity, TaskService tasks, JavaMailSender mail, DeliveryProperties delivery,
      HandoffSettings settings) {
    this.identity = identity;
    this.tasks = tasks;
    this.mail = mail;
    this.from = delivery.mail().from();
    this.settings = settings;
  }

  /** When the follow-up goes back to the whole team if nobody has worked it: its due time plus the grace. */
  public Date reassignAt(Date followUpDue) {
    return Date.from(followUpDue.toInstant().plus(settings.reassignAfter()));
  }

  /**
   * "Notify the managers": an email to every manager with an address.
   *
   * @param followUpDue when the follow-up was due
   */
  public void notifyManagers(String leadName, String company, String team, Date followUpDue, String whyQualified) {
    List<String> managers = identity.createUserQuery().memberOfGroup(LeadflowGroups.MANAGERS).list().stream()
        .map(User::getEmail).filter(email -> email != null && !email.isBlank()).toList();
    if (managers.isEmpty()) {
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(managers.toArray(String[]::new));
    message.setSubject("Not picked up in time: " + leadName + " (" + company + ")");
    message.setText("The follow-up of " + leadName + " for team " + team + " was due at " + followUpDue
        + " and is still open.\n\n" + whyQualified + "\n\nSee the task \"Lead not picked up\" in Tasklist.");
    mail.send(message);
  }

  /** "Give it back to the whole team": the follow-up loses its assignee; every rep of the team can claim it. */
  public void returnToTeam(String handoffId) {
    for (Task followUp : tasks.createTaskQuery().processInstanceId(handoffId)
        .taskDefinitionKey(SalesHandoffProcess.Elements.FOLLOW_UP).list()) {
      tasks.setAssignee(followUp.getId(), null);
    }
  }
}
