package io.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.journey.LeadNurturingProcess;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@LeadflowTest
class LeadCaptureTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired CaptureRecordRepository captures;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aLandingPageCapturesANewLeadAndItsJourneyStartsUnderTheLeadsId() {
    String email = unique("Jane.Doe");

    Api.Response response = marketing.postJson("/api/leads", """
        {"email": " %s ", "firstName": "Jane", "lastName": "Doe", "company": "Acme Robotics",
         "companySize": 120, "industry": "Manufacturing", "jobTitle": "Head of Operations",
         "country": "de", "phone": "+49 30 1234567", "campaign": "spring-webinar",
         "consent": {"given": true, "at": "2026-03-01T10:15:00+01:00", "source": "webinar sign-up"},
         "social": {"linkedin": "https://www.linkedin.com/in/janedoe", "twitter": "@janedoe"}}
        """.formatted(email));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode lead = response.json();
    String id = lead.get("id").asText();
    assertThat(response.header("Location")).endsWith("/api/leads/" + id);
    assertThat(lead.get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(lead.get("country").asText()).isEqualTo("DE");
    assertThat(lead.get("status").asText()).isEqualTo("NURTURING");
    assertThat(lead.get("stage").asText()).isEqualTo("TOFU");
    assertThat(lead.get("consent").get("at").asText()).isEqualTo("2026-03-01T09:15:00Z");
    assertThat(lead.get("social").get("twitter").asText()).isEqualTo("@janedoe");

    ProcessInstance journey = journeyOf(id);
    assertThat(journey).isStarted().hasBusinessKey(id).isWaitingAt(LeadNurturingProcess.Elements.START);
    execute(job(journey));
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.SEND_WELCOME)
        .variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU")
        .containsEntry(LeadNurturingProcess.Variables.STATUS, "NURTURING")
        .doesNotContainKeys("company", "campaign", "score", "rating");
    assertThat(lead.get("company").asText()).isEqualTo("Acme Robotics");
    assertThat(lead.get("campaign").asText()).isEqualTo("spring-webinar");
    assertThat(captures.findByLeadIdOrderByCapturedAt(id)).singleElement()
        .satisfies(capture -> {
          assertThat(capture.isNewLead()).isTrue();
          assertThat(capture.getChannel()).isEqualTo(CaptureChannel.API);
          assertThat(capture.getCapturedBy()).isEqualTo("mia");
        });
  }

  @Test
  void aKnownEmailInAnotherCaseUpdatesTheProfileAndStartsNoSecondJourney() {
    String email = unique("returning");
    String id = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Rita", "company": "Old Co", "jobTitle": "Analyst", "campaign": "ebook"}
        """.formatted(email)).json().get("id").asText();

    Api.Response again = marketing.postJson("/api/leads", """
        {"email": "%s", "company": "New Co", "campaign": "webinar"}
        """.formatted(email.toUpperCase()));

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.header("Location")).isNull();
    JsonNode lead = again.json();
    assertThat(lead.get("id").asText()).isEqualTo(id);
    assertThat(lead.get("company").asText()).isEqualTo("New Co");
    assertThat(lead.get("firstName").asText()).as("fields the form did not send are kept").isEqualTo("Rita");
    assertThat(lead.get("campaign").asText()).as("the source campaign stays the first one").isEqualTo("ebook");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    assertThat(captures.findByLeadIdOrderByCapturedAt(id))
        .extracting(CaptureRecord::isNewLead, CaptureRecord::getCampaign)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(true, "ebook"), org.assertj.core.groups.Tuple.tuple(false, "webinar"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no email                  | {"firstName": "Ann"}                                                   | email
      blank email               | {"email": "  "}                                                        | email
      malformed email           | {"email": "ann.example.com"}                                           | email
      email without a domain    | {"email": "ann@localhost"}                                             | email
      negative company size     | {"email": "EMAIL", "companySize": -5}                                  | companySize
      company size in words     | {"email": "EMAIL", "companySize": "about fifty"}                       | companySize
      unknown country           | {"email": "EMAIL", "country": "XX"}                                    | country
      no such country           | {"email": "EMAIL", "country": "Atlantis"}                              | country
      phone with letters        | {"email": "EMAIL", "phone": "call me"}                                 | phone
      consent in the future     | {"email": "EMAIL", "consent": {"given": true, "at": "2999-01-01T00:00:00Z"}} | consent.at
      consent without answer    | {"email": "EMAIL", "consent": {"source": "form"}}                      | consent.given
      consent time not a time   | {"email": "EMAIL", "consent": {"given": true, "at": "yesterday"}}       | consent.at
      overlong first name       | {"email": "EMAIL", "firstName": "LONG"}                                | firstName
      overlong linkedin         | {"email": "EMAIL", "social": {"linkedin": "LONG"}}                     | social.linkedin
      unknown field             | {"email": "EMAIL", "utmSource": "ads"}                                 | utmSource
      not JSON                  | {"email": "EMAIL",                                                     | body
      """)
  void badInputIsRejectedFieldByFieldAndStoresNothing(String why, String body, String field) {
    String email = unique("invalid");
    long leadsBefore = leads.count();

    Api.Response response = marketing.postJson("/api/leads", body.replace("EMAIL", email).replace("LONG", "x".repeat(300)));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    assertThat(problem.get("errors").findValuesAsText("message")).allSatisfy(message -> assertThat(message).isNotBlank());
    assertThat(leads.count()).isEqualTo(leadsBefore);
    assertThat(leads.findByEmail(email)).isEmpty();
  }

  @Test
  void aLeadIsReadByItsId() {
    String id = marketing.postJson("/api/leads", "{\"email\": \"%s\", \"company\": \"Globex\"}".formatted(unique("read")))
        .json().get("id").asText();

    Api.Response response = marketing.get("/api/leads/" + id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("company").asText()).isEqualTo("Globex");
    assertThat(response.json().get("status").asText()).isEqualTo("NURTURING");
    assertThat(response.json().get("score").asInt()).isZero();
  }

  @Test
  void anUnknownLeadIsAProblemNotFound() {
    Api.Response response = marketing.get("/api/leads/" + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).startsWith("No lead with id");
  }

  @Test
  void leadsAreListedByCampaignAndStatusAPageAtATimeNewestFirst() {
    String campaign = "list-" + UUID.randomUUID().toString().substring(0, 8);
    for (String name : List.of("first", "second", "third")) {
      marketing.postJson("/api/leads", "{\"email\": \"%s\", \"firstName\": \"%s\", \"campaign\": \"%s\"}"
          .formatted(unique(name), name, campaign));
    }

    JsonNode firstPage = marketing.get("/api/leads?campaign=" + campaign + "&status=NURTURING&stage=TOFU&size=2").json();
    JsonNode secondPage = marketing.get("/api/leads?campaign=" + campaign + "&size=2&page=1").json();
    JsonNode other = marketing.get("/api/leads?campaign=" + campaign + "&status=CUSTOMER").json();
    JsonNode byScore = marketing.get("/api/leads?campaign=" + campaign + "&minScore=1").json();

    assertThat(firstPage.get("content").findValuesAsText("firstName")).containsExactly("third", "second");
    assertThat(firstPage.get("page").get("totalElements").asInt()).isEqualTo(3);
    assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
    assertThat(secondPage.get("content").findValuesAsText("firstName")).containsExactly("first");
    assertThat(other.get("content")).isEmpty();
    assertThat(byScore.get("content")).as("new leads have no score yet").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown status            | status=WARM                   | status
      unknown stage             | stage=HOT                     | stage
      rating out of scale       | rating=E9                     | rating
      page size too large       | size=5000                     | size
      negative page             | page=-1                       | page
      score not a number        | minScore=high                 | minScore
      empty score range         | minScore=50&maxScore=10       | minScore
      """)
  void aBadListQueryNamesTheParameter(String why, String query, String field) {
    Api.Response response = marketing.get("/api/leads?" + query);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
  }

  private ProcessInstance journeyOf(String leadId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).processInstanceBusinessKey(leadId).singleResult();
  }

  static String unique(String name) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
