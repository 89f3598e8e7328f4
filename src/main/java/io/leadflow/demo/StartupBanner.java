package io.leadflow.demo;

import io.leadflow.LeadflowProperties;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One log line that tells a newcomer where to go and how to log in. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final String baseUrl;
  private final String adminId;
  private final boolean adminHasDemoPassword;
  private final ObjectProvider<DemoPeople> demoPeople;
  private final boolean mailbox;

  StartupBanner(LeadflowProperties properties, @Value("${camunda.bpm.admin-user.id}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword, ObjectProvider<DemoPeople> demoPeople,
      @Value("${" + MailboxDefaults.ENABLED + ":false}") boolean mailbox) {
    this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    this.adminId = adminId;
    // the embedded run's default; a password of one's own is never logged
    this.adminHasDemoPassword = adminPassword.equals(adminId);
    this.demoPeople = demoPeople;
    this.mailbox = mailbox;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    DemoPeople demo = demoPeople.getIfAvailable();
    String admin = adminHasDemoPassword
        ? adminId + "/" + adminId + " (administrator)"
        : adminId + " (administrator, password from CAMUNDA_BPM_ADMINUSER_PASSWORD)";
    String logins = demo == null
        ? "log in as " + admin
        : "demo logins: " + admin + ", "
            + DemoPeople.USERS.stream()
                .map(user -> user.id() + "/" + demo.password() + " (" + user.role() + ")")
                .collect(Collectors.joining(", "));
    String emails = mailbox
        ? "the emails Leadflow sent (its own mail server) at " + baseUrl + MailboxPage.PATH + " (marketing, administrators) , "
        : "";
    log.info("Leadflow is ready: Tasklist, Cockpit and Admin at {}/camunda/app/ , lead API at {}/api/leads , "
        + "{}engine REST (Camunda Modeler) at {}/engine-rest ; {}", baseUrl, baseUrl, emails, baseUrl, logins);
  }
}
