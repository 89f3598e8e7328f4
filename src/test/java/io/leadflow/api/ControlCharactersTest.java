package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, case 3: a NUL (or another control character) in any text is bad input. It used to
 * answer 500 quoting the SQL with the person's data, after half of the request was stored. Now it
 * is a 400 naming the field, and nothing of the refused item is stored.
 * ({@code \\u0000} below is JSON's escape, so the body carries a real NUL once parsed.)
 */
@LeadflowTest
class ControlCharactersTest {

  @LocalServerPort int port;
  @Autowired Leads leads;
  @Autowired InteractionRepository interactions;

  Api marketing;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aLeadWithANulInItsCompanyIsRefusedNamingTheFieldAndNotStored() {
    String email = unique("nul");

    Api.Response refused = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Nul", "company": "ACME\\u0000 Ltd", "consent": {"given": true}}""".formatted(email));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
      assertThat(error.get("field").asText()).isEqualTo("company");
      assertThat(error.get("message").asText()).isEqualTo(
          "contains a control character (U+0000 at position 5); only tab, line feed and carriage return are accepted in text");
    });
    assertThat(refused.body()).doesNotContain("ACME");
    assertThat(leads.findByEmail(email)).isEmpty();
  }

  @Test
  void otherControlCharactersInNestedTextAreRefusedToo_tabAndNewLinesAreText() {
    Api.Response bell = marketing.postJson("/api/leads", """
        {"email": "%s", "social": {"linkedin": "in/\\u0007bell"}}""".formatted(unique("bell")));
    assertThat(bell.status()).as(bell.toString()).isEqualTo(400);
    assertThat(bell.json().get("errors").get(0).get("field").asText()).isEqualTo("social.linkedin");

    Api.Response lines = marketing.postJson("/api/leads", """
        {"email": "%s", "company": "Tab\\tand\\r\\nlines"}""".formatted(unique("lines")));
    assertThat(lines.status()).as(lines.toString()).isEqualTo(201);
  }

  @Test
  void contentWithANulInItsTitleIsRefusedNamingTheField() {
    String id = "nul-" + UUID.randomUUID().toString().substring(0, 8);

    Api.Response refused = marketing.postJson("/api/content", """
        {"id": "%s", "title": "Guide\\u0000", "stage": "MOFU", "type": "WEBINAR",
         "url": "https://leadflow.example/resources/nul", "emailSubject": "{{title}}", "emailBody": "Hi {{url}}"}
        """.formatted(id));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("title");
    assertThat(marketing.get("/api/content/" + id).status()).isEqualTo(404);
  }

  /** The batch, three times: per item, as API.md says ("a batch reports per item"). */
  @Test
  void theQuotedBatchAnswersPerItem_theBadItemIsRefusedAndTheGoodOneStoredAndScoredOnce() {
    Lead lead = captured(unique("batch"));
    String download = "download-" + UUID.randomUUID();
    String batch = """
        [{"leadId": "%s", "type": "CONTENT_DOWNLOAD", "externalId": "%s"},
         {"leadId": "%s", "type": "PAGE_VIEW", "details": {"url": "https://x/\\u0000"}}]
        """.formatted(lead.getId(), download, lead.getId());

    JsonNode first = null;
    for (int time = 1; time <= 3; time++) {
      Api.Response response = marketing.postJson("/api/interactions", batch);

      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      JsonNode answers = response.json();
      assertThat(answers).hasSize(2);
      assertThat(answers.get(0).get("duplicate").asBoolean()).as("time " + time).isEqualTo(time > 1);
      first = first == null ? answers.get(0) : first;
      assertThat(answers.get(0).get("id").asText()).isEqualTo(first.get("id").asText());
      assertThat(answers.get(0).get("points").asInt()).isEqualTo(first.get("points").asInt());
      JsonNode refused = answers.get(1);
      assertThat(refused.get("status").asInt()).isEqualTo(400);
      assertThat(refused.get("errors")).singleElement().satisfies(error -> {
        assertThat(error.get("field").asText()).isEqualTo("details.url");
        assertThat(error.get("message").asText()).startsWith("contains a control character (U+0000 at position 11)");
      });
    }

    String downloadId = first.get("id").asText();
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()))
        .as("the download once, the page view never")
        .singleElement().satisfies(stored -> assertThat(stored.getId()).isEqualTo(downloadId));
    JsonNode score = marketing.get("/api/leads/" + lead.getId() + "/score").json();
    assertThat(score.get("entries").findValuesAsText("interactionId"))
        .as("scored once, for the download")
        .isNotEmpty().allMatch(downloadId::equals);
  }

  @Test
  void aSingleInteractionWithAControlCharacterInAFreeDetailsKeyIsRefused() {
    Lead lead = captured(unique("single"));

    Api.Response refused = marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "PAGE_VIEW", "details": {"utm\\u0000": "spring"}}""".formatted(lead.getId()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("details");
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).isEmpty();
  }

  @Test
  void aCsvWhoseRow3HoldsANulRejectsRow3WithItsReasonAndImportsTheOthers() {
    String ann = unique("ann");
    String nul = unique("nul");
    String ben = unique("ben");
    String csv = "email,firstName,company\n"
        + ann + ",Ann,Archer\n"
        + nul + ",Nul,Null\u0000Industries\n"
        + ben + ",Ben,Baker\n";

    Api.Response response = marketing.post("/api/leads/import", "text/csv", csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected")).singleElement().satisfies(row -> {
      assertThat(row.get("row").asInt()).isEqualTo(3);
      assertThat(row.get("errors")).singleElement().satisfies(error -> {
        assertThat(error.get("field").asText()).isEqualTo("company");
        assertThat(error.get("message").asText()).startsWith("contains a control character (U+0000 at position 5)");
      });
    });
    assertThat(leads.findByEmail(nul)).isEmpty();
    assertThat(leads.findByEmail(ann)).isPresent();
    assertThat(leads.findByEmail(ben)).isPresent();
  }

  private Lead captured(String email) {
    Api.Response created = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Bea", "consent": {"given": true}}""".formatted(email));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return leads.findByEmail(email).orElseThrow();
  }

  private static String unique(String name) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
