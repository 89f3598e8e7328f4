package io.leadflow.demo;

import static io.leadflow.security.LeadflowGroups.INTEGRATION;
import static io.leadflow.security.LeadflowGroups.MANAGERS;
import static io.leadflow.security.LeadflowGroups.MARKETING;
import static io.leadflow.security.LeadflowGroups.SALES;

import io.leadflow.LeadflowProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One demo user per role, all with the demo password; only in the embedded run. */
@Component
@ConditionalOnProperty(name = "leadflow.demo.enabled", havingValue = "true")
public class DemoPeople {

  /** A demo login and the groups it belongs to. */
  public record DemoUser(String id, String firstName, String lastName, String role, List<String> groups) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("mia", "Mia", "Marketing", "marketing, process designer", List.of(MARKETING)),
      new DemoUser("max", "Max", "Manager", "manager", List.of(MANAGERS)),
      new DemoUser("sam", "Sam", "Seller", "sales rep, Sales Europe", List.of(SALES, "salesEurope")),
      new DemoUser("ana", "Ana", "Closer", "sales rep, Sales Americas", List.of(SALES, "salesAmericas")),
      new DemoUser("eva", "Eva", "Seller", "sales rep, Sales Europe", List.of(SALES, "salesEurope")),
      new DemoUser("leo", "Leo", "Closer", "sales rep, Sales Americas", List.of(SALES, "salesAmericas")),
      new DemoUser("kai", "Kai", "Seller", "sales rep, Sales Asia-Pacific", List.of(SALES, "salesApac")),
      new DemoUser("crm", "CRM", "Integration", "integration user for the API", List.of(INTEGRATION)));

  private final IdentityService identity;
  private final String password;

  DemoPeople(IdentityService identity, LeadflowProperties properties) {
    this.identity = identity;
    this.password = properties.demo().password();
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void ensure() {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@leadflow.example");
      user.setPassword(password);
      identity.saveUser(user);
      demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
    }
  }

  public String password() {
    return password;
  }
}
