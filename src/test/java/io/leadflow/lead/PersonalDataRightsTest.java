package io.leadflow.lead;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.running;
import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.sales.PhoneALeadProcess;
import io.leadflow.sales.SalesHandoffProcess;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's rights: what Leadflow stores about them, and forgetting them everywhere, in our
 * tables and in the engine's runtime and history, with what reports count kept anonymous.
 */
@LeadflowTest
class PersonalDataRightsTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aLeadWhoWentThroughNurturingAHandOffWithCommentsAndACallIsForgottenInEveryTableOursAndTheEngines() throws Exception {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String lastName = "Vidal" + unique;
    String company = "Delta Logistics " + unique;
    String email = "nuria." + unique + "@delta-logistics.example";
    String lead = aNurturedLead("Nuria", lastName, company, email);
    // she looked at pricing, a tracker sent her address along, and asked for a demo
    marketing.postJson("/api/interactions", """
        [{"leadId": "%s", "type": "PAGE_VIEW", "details": {"url": "https://example.com/pricing?email=%s", "note": "%s read it twice"}},
         {"leadId": "%s", "type": "DEMO_REQUEST"}]""".formatted(lead, email, lastName, lead));
    // the rep calls her, notes it on the follow-up, and sends her back: not ready
    ProcessInstance handoff = running(engine, SalesHandoffProcess.KEY, lead);
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId()).singleResult();
    engine.getTaskService().createComment(followUp.getId(), handoff.getId(), "Called Nuria " + lastName + " of " + company);
    engine.getTaskService().complete(followUp.getId(), Map.of(SalesHandoffProcess.Variables.OUTCOME, "NOT_READY",
        SalesHandoffProcess.Variables.REASON, lastName + " has no budget before summer"));
    // and someone wants her phoned
    marketing.postJson("/api/leads/" + lead + "/call-requests", "{\"reason\": \"Met " + lastName + " at the fair\"}");
    Task call = engine.getTaskService().createTaskQuery().processInstanceId(running(engine, PhoneALeadProcess.KEY, lead).getId())
        .singleResult();
    engine.getTaskService().complete(call.getId(), Map.of(PhoneALeadProcess.Variables.CALL_OUTCOME, "NOT_INTERESTED",
        PhoneALeadProcess.Variables.AFTER_NOT_INTERESTED, "NURTURE", "callNotes", lastName + " prefers email"));

    JsonNode document = marketing.get("/api/leads/" + lead + "/personal-data").json();

    assertThat(document.get("profile").get("email").asText()).isEqualTo(email);
    assertThat(document.get("interactions")).hasSize(2);
    assertThat(document.get("deliveries")).as("the welcome").isNotEmpty();
    assertThat(document.get("history")).isNotEmpty();
    assertThat(document.get("scoreLedger")).isNotEmpty();
    assertThat(document.get("processes").toString()).contains("Follow up Nuria " + lastName, "Called Nuria " + lastName,
        "Call Nuria " + lastName);
    assertThat(found(lastName, company, email)).as("before the erasure, the search finds her").isNotEmpty();

    Api.Response erased = marketing.delete("/api/leads/" + lead, "{\"reason\": \"Her request by email of 2026-11-20\"}");

    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    assertThat(marketing.get("/api/leads/" + lead).status()).isEqualTo(404);
    assertThat(marketing.get("/api/leads/" + lead + "/personal-data").status()).isEqualTo(404);
    assertThat(found(lastName, company, email)).as("every table, ours and the engine's, searched for her").isEmpty();
    assertThat(journeyOf(engine, lead)).isNull();
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "select count(*) from lead_transitions where lead_id = ?", Integer.class, lead))
        .as("what reports count stays, anonymous").isPositive();
  }

  @Test
  void anErasedAddressIsNotCapturedAgainAndTheErasureNeedsAReason() {
    String email = "erased." + UUID.randomUUID() + "@example.com";
    String lead = aNurturedLead("Ezra", "Erased", "Gone Ltd", email);

    assertThat(marketing.delete("/api/leads/" + lead, "{}").status()).as("no reason").isEqualTo(400);
    assertThat(marketing.delete("/api/leads/" + lead, "{\"reason\": \"asked by phone\"}").status()).isEqualTo(204);
    assertThat(marketing.delete("/api/leads/" + lead, "{\"reason\": \"twice\"}").status()).isEqualTo(404);

    Api.Response again = marketing.postJson("/api/leads", "{\"email\": \"%s\"}".formatted(email.toUpperCase(Locale.ROOT)));

    assertThat(again.status()).as(again.toString()).isEqualTo(400);
    assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
    assertThat(again.json().get("errors").get(0).get("message").asText()).contains("erased at the person's request");
    Api.Response imported = marketing.post("/api/leads/import", "text/csv", "email,firstName\n" + email + ",Ezra\n");
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().get("rejected").get(0).get("errors").get(0).get("field").asText())
        .as("an import meets the same refusal, row by row").isEqualTo("email");
    assertThat(Api.at(port).as("crm", "demo").delete("/api/leads/" + aNurturedLead("Ina", "Tegration", "X", null),
        "{\"reason\": \"an integration may not\"}").status()).isEqualTo(403);
  }

  private String aNurturedLead(String firstName, String lastName, String company, String email) {
    String address = email != null ? email : firstName.toLowerCase() + "." + UUID.randomUUID() + "@example.com";
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "%s", "lastName": "%s", "company": "%s", "companySize": 300, "industry": "Logistics",
         "jobTitle": "Head of Operations", "country": "ES", "phone": "+34 600 000 000",
         "social": {"linkedin": "https://linkedin.example/in/%s"}}"""
        .formatted(address, firstName, lastName, company, lastName));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    String lead = captured.json().get("id").asText();
    welcomed(engine, lead);
    return lead;
  }

  /** Every text and binary column of every table (ours and Camunda's) holding one of these, case aside. */
  private List<String> found(String... needles) throws SQLException {
    List<String> hits = new ArrayList<>();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Set<Integer> text = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR,
        Types.LONGNVARCHAR, Types.NCLOB);
    Set<Integer> binary = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
        while (columns.next()) {
          String quote = meta.getIdentifierQuoteString();
          String table = quote + columns.getString("TABLE_NAME") + quote;
          String column = quote + columns.getString("COLUMN_NAME") + quote;
          int type = columns.getInt("DATA_TYPE");
          if (text.contains(type)) {
            for (String needle : needles) {
              Integer count = jdbc.queryForObject("select count(*) from " + table + " where lower(" + column + ") like ?",
                  Integer.class, "%" + needle.toLowerCase(Locale.ROOT) + "%");
              if (count != null && count > 0) {
                hits.add(table + "." + column + " holds " + needle);
              }
            }
          } else if (binary.contains(type)) {
            for (byte[] bytes : jdbc.queryForList("select " + column + " from " + table + " where " + column + " is not null",
                byte[].class)) {
              String content = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
              for (String needle : needles) {
                if (content.contains(needle.toLowerCase(Locale.ROOT))) {
                  hits.add(table + "." + column + " holds " + needle);
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }
}
