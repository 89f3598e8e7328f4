package io.leadflow.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/content}: marketing maintains the catalogue over HTTP, and the journey's choice follows. */
@LeadflowTest
class ContentApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ContentItemRepository items;
  @Autowired ContentCatalogue catalogue;
  @Autowired Leads leads;

  Api anonymous;
  Api marketing;
  String id;

  @BeforeEach
  void setUp() {
    anonymous = Api.at(port);
    marketing = anonymous.as("mia", "demo");
    id = CatalogueFixture.slug() + "-webinar";
  }

  @Test
  void marketingAddsAnItemAndReadsItBack() {
    Api.Response created = marketing.postJson("/api/content", """
        {"id": "%s", "title": " Webinar: scoring for logistics ", "stage": "MOFU", "type": "WEBINAR", "channel": "EMAIL",
         "industries": [" Logistics", "transport  and shipping", "logistics"], "roles": ["Head", "cto"],
         "url": "https://leadflow.example/resources/webinar-logistics",
         "emailSubject": "{{#firstName}}{{firstName}}, j{{/firstName}}{{^firstName}}J{{/firstName}}oin us: {{title}}",
         "emailBody": "Hello,\\n\\nsee {{title}} at {{url}}", "language": "de-CH", "priority": 7, "active": true}
        """.formatted(id));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/content/" + id);
    JsonNode item = created.json();
    assertThat(item.get("id").asText()).isEqualTo(id);
    assertThat(item.get("title").asText()).isEqualTo("Webinar: scoring for logistics");
    assertThat(item.get("stage").asText()).isEqualTo("MOFU");
    assertThat(item.get("type").asText()).isEqualTo("WEBINAR");
    assertThat(item.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(texts(item.get("industries"))).containsExactly("logistics", "transport and shipping");
    assertThat(texts(item.get("roles"))).containsExactly("head", "cto");
    assertThat(item.get("language").asText()).isEqualTo("de-CH");
    assertThat(item.get("priority").asInt()).isEqualTo(7);
    assertThat(item.get("active").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(item.get("createdAt").asText())).isEqualTo(OffsetDateTime.parse(item.get("updatedAt").asText()));
    assertThat(items.findById(id)).get().satisfies(stored -> {
      assertThat(stored.getIndustries()).isEqualTo("logistics,transport and shipping");
      assertThat(stored.getRoles()).isEqualTo("head,cto");
    });

    Api.Response read = marketing.get("/api/content/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(item);
  }

  @Test
  void whatTheBodyLeavesOutTakesItsDefault() {
    Api.Response created = marketing.postJson("/api/content", minimal(id).toString());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode item = created.json();
    assertThat(item.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(item.get("language").asText()).isEqualTo("en");
    assertThat(item.get("priority").asInt()).isEqualTo(100);
    assertThat(item.get("active").asBoolean()).isTrue();
    assertThat(item.get("industries")).isEmpty();
    assertThat(item.get("roles")).isEmpty();
  }

  @Test
  void theCatalogueIsListedByStageTypeChannelAndActivityWithoutRetiredItems() {
    marketing.postJson("/api/content", minimal(id).put("stage", "LOYALTY").put("type", "COUPON").put("priority", 3).toString());
    String inactive = CatalogueFixture.slug() + "-inactive";
    marketing.postJson("/api/content", minimal(inactive).put("stage", "LOYALTY").put("type", "COUPON").put("active", false).toString());
    String retired = CatalogueFixture.slug() + "-retired";
    marketing.postJson("/api/content", minimal(retired).put("stage", "LOYALTY").put("type", "COUPON").toString());
    marketing.delete("/api/content/" + retired);

    JsonNode coupons = marketing.get("/api/content?stage=LOYALTY&type=COUPON&channel=EMAIL").json();
    JsonNode activeCoupons = marketing.get("/api/content?type=COUPON&active=true").json();
    JsonNode everything = marketing.get("/api/content").json();

    assertThat(coupons.findValuesAsText("id")).contains(id, inactive).doesNotContain(retired);
    assertThat(coupons.findValuesAsText("type")).containsOnly("COUPON");
    assertThat(activeCoupons.findValuesAsText("id")).contains(id).doesNotContain(inactive, retired);
    assertThat(everything.findValuesAsText("id")).contains("welcome", "trial-30-days", "printed-solution-catalogue", id);
    assertThat(everything.findValuesAsText("stage")).as("along the funnel").isSortedAccordingTo(
        (a, b) -> FunnelStage.valueOf(a).compareTo(FunnelStage.valueOf(b)));
    assertThat(marketing.get("/api/content?channel=DIRECT_MAIL").json().findValuesAsText("id")).contains("printed-solution-catalogue")
        .doesNotContain("welcome");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown stage     | stage=HOT     | stage
      unknown type      | type=PODCAST  | type
      unknown channel   | channel=FAX   | channel
      active not a yes  | active=maybe  | active
      """)
  void aBadListQueryNamesTheParameter(String why, String query, String field) {
    Api.Response response = marketing.get("/api/content?" + query);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      no id                       | id           | NULL                                  | id
      id in upper case            | id           | "Test-Webinar"                        | id
      id too short                | id           | "ab"                                  | id
      id starting with a hyphen   | id           | "-test-webinar"                       | id
      id with an underscore       | id           | "test_webinar"                        | id
      no title                    | title        | NULL                                  | title
      blank title                 | title        | "   "                                 | title
      overlong title              | title        | "LONG"                                | title
      no stage                    | stage        | NULL                                  | stage
      unknown stage               | stage        | "HOT"                                 | stage
      unknown type                | type         | "PODCAST"                             | type
      unknown channel             | channel      | "FAX"                                 | channel
      industry with a comma       | industries   | ["manufacturing, logistics"]          | industries[0]
      blank role                  | roles        | ["cto", " "]                          | roles[1]
      industries not a list       | industries   | {"name": "retail"}                    | industries
      no url                      | url          | NULL                                  | url
      relative url                | url          | "/resources/guide"                    | url
      ftp url                     | url          | "ftp://leadflow.example/guide.pdf"    | url
      url that is no url          | url          | "https://leadflow example/a guide"    | url
      no subject                  | emailSubject | NULL                                  | emailSubject
      overlong subject            | emailSubject | "LONG"                                | emailSubject
      subject that is no template | emailSubject | "Hi {{#firstName}}{{firstName}}"      | emailSubject
      overlong body               | emailBody    | "HUGE"                                | emailBody
      body that is no template    | emailBody    | "{{/url}} and more"                   | emailBody
      body with a misspelt name   | emailBody    | "Hi {{frstName}}, see {{url}}"        | emailBody
      body with a partial         | emailBody    | "{{> footer}}"                        | emailBody
      language too short          | language     | "e"                                   | language
      language no tag             | language     | "english!"                            | language
      negative priority           | priority     | -1                                    | priority
      priority too high           | priority     | 10001                                 | priority
      priority in words           | priority     | "high"                                | priority
      active not a yes or no      | active       | "maybe"                               | active
      unknown field               | author       | "mia"                                 | author
      """)
  void badInputNamesTheFieldAndStoresNothing(String why, String field, String json, String problemField) throws Exception {
    ObjectNode body = minimal(id);
    if (json == null) {
      body.remove(field);
    } else {
      body.set(field, JSON.readTree(json.replace("LONG", "x".repeat(201)).replace("HUGE", "x".repeat(4001))));
    }
    if (field.equals("id") && json != null) {
      id = body.get("id").asText();
    }

    Api.Response response = marketing.postJson("/api/content", body.toString());

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("title").asText()).isEqualTo("Invalid request");
    assertThat(response.json().get("errors").findValuesAsText("field")).isNotEmpty().containsOnly(problemField);
    assertThat(response.json().get("errors").findValuesAsText("message")).allSatisfy(message -> assertThat(message).isNotBlank());
    assertThat(items.existsById(id)).as("nothing stored").isFalse();
  }

  @Test
  void aTemplateThatDoesNotCompileSaysWhy() {
    Api.Response response = marketing.postJson("/api/content",
        minimal(id).put("emailBody", "Hello {{#company}}{{company}}, {{unknown}}").toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("message").asText())
        .isEqualTo("is not a valid Mustache template: Section missing close tag 'company' @ line 1");
  }

  @Test
  void aBodyThatIsNoJsonStoresNothing() {
    Api.Response response = marketing.postJson("/api/content", "{\"id\": \"" + id + "\",");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("body");
    assertThat(items.existsById(id)).isFalse();
  }

  @Test
  void anIdIsGivenOnceEvenAfterItsItemWasRetired() {
    marketing.postJson("/api/content", minimal(id).put("title", "The first").toString());

    Api.Response again = marketing.postJson("/api/content", minimal(id).put("title", "The second").toString());

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("errors").findValuesAsText("field")).containsExactly("id");
    assertThat(marketing.get("/api/content/" + id).json().get("title").asText()).isEqualTo("The first");

    assertThat(marketing.delete("/api/content/" + id).status()).isEqualTo(204);
    Api.Response afterRetiring = marketing.postJson("/api/content", minimal(id).put("title", "The third").toString());
    assertThat(afterRetiring.status()).isEqualTo(409);
    assertThat(items.findById(id)).get().extracting(ContentItem::getTitle).isEqualTo("The first");
  }

  @Test
  void anItemIsReplacedAsAWholeAndCanBeSentBackAsItWasRead() {
    JsonNode created = marketing.postJson("/api/content",
        withList(minimal(id).put("language", "de").put("priority", 5), "industries", "retail").toString()).json();

    ObjectNode changed = minimal(null).put("title", "A better title").put("stage", "BOFU").put("type", "DEMO");
    Api.Response replaced = marketing.putJson("/api/content/" + id, changed.toString());

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    JsonNode item = replaced.json();
    assertThat(item.get("title").asText()).isEqualTo("A better title");
    assertThat(item.get("stage").asText()).isEqualTo("BOFU");
    assertThat(item.get("type").asText()).isEqualTo("DEMO");
    assertThat(item.get("industries")).as("left out: none").isEmpty();
    assertThat(item.get("language").asText()).as("left out: the default").isEqualTo("en");
    assertThat(item.get("priority").asInt()).isEqualTo(100);
    assertThat(item.get("createdAt").asText()).isEqualTo(created.get("createdAt").asText());
    assertThat(OffsetDateTime.parse(item.get("updatedAt").asText())).isAfterOrEqualTo(OffsetDateTime.parse(created.get("updatedAt").asText()));

    ObjectNode asRead = marketing.get("/api/content/" + id).json().deepCopy();
    asRead.put("priority", 42);
    Api.Response sentBack = marketing.putJson("/api/content/" + id, asRead.toString());
    assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
    assertThat(sentBack.json().get("priority").asInt()).isEqualTo(42);
    assertThat(sentBack.json().get("createdAt").asText()).isEqualTo(created.get("createdAt").asText());
  }

  @Test
  void aBadReplacementChangesNothing() {
    marketing.postJson("/api/content", minimal(id).put("title", "Kept").toString());

    Api.Response noTemplate = marketing.putJson("/api/content/" + id, minimal(null).put("title", "Lost").put("emailBody", "{{#url}}").toString());
    Api.Response otherId = marketing.putJson("/api/content/" + id, minimal("test-some-other-id").put("title", "Lost").toString());

    assertThat(noTemplate.status()).isEqualTo(400);
    assertThat(noTemplate.json().get("errors").findValuesAsText("field")).containsExactly("emailBody");
    assertThat(otherId.status()).isEqualTo(400);
    assertThat(otherId.json().get("errors").findValuesAsText("field")).containsExactly("id");
    assertThat(items.findById(id)).get().extracting(ContentItem::getTitle).isEqualTo("Kept");
    assertThat(items.existsById("test-some-other-id")).isFalse();
  }

  @Test
  void anUnknownItemIsAProblemNotFound() {
    Api.Response read = marketing.get("/api/content/" + id);
    Api.Response replaced = marketing.putJson("/api/content/" + id, minimal(null).toString());
    Api.Response deleted = marketing.delete("/api/content/" + id);

    for (Api.Response response : new Api.Response[] {read, replaced, deleted}) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.json().get("detail").asText()).isEqualTo("No content item with id " + id);
    }
    assertThat(items.existsById(id)).as("a replacement does not create").isFalse();
  }

  @Test
  void givenAJourneyThatSentAnItemWhenMarketingDeletesItThenItIsRetiredNotRemoved() {
    marketing.postJson("/api/content", minimal(id).toString());

    Api.Response deleted = marketing.delete("/api/content/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(marketing.get("/api/content/" + id).status()).isEqualTo(404);
    assertThat(marketing.get("/api/content").json().findValuesAsText("id")).doesNotContain(id);
    assertThat(marketing.putJson("/api/content/" + id, minimal(null).toString()).status()).isEqualTo(404);
    assertThat(marketing.delete("/api/content/" + id).status()).as("gone already").isEqualTo(404);
    assertThat(items.findById(id)).as("deliveries still refer to it").get().satisfies(item -> {
      assertThat(item.getRetiredAt()).isNotNull();
      assertThat(item.getTitle()).isEqualTo("Test webinar");
    });
  }

  @Test
  void marketingChangesWhatTheJourneySendsNextWithoutABuild() {
    String first = CatalogueFixture.slug() + "-first";
    String second = CatalogueFixture.slug() + "-second";
    Set<String> everythingElse = new HashSet<>();
    items.findAll().forEach(item -> everythingElse.add(item.getId()));
    marketing.postJson("/api/content", minimal(first).put("stage", "KEEP_WARM").put("priority", 10).toString());
    marketing.postJson("/api/content", minimal(second).put("stage", "KEEP_WARM").put("priority", 20).toString());
    Lead lead = new CatalogueFixture(marketing, leads, catalogue).lead("Manufacturing", "Buyer");
    assertThat(catalogue.nextFor(lead, FunnelStage.KEEP_WARM, everythingElse)).get().extracting(ContentItem::getId).isEqualTo(first);

    JsonNode promoted = marketing.putJson("/api/content/" + second,
        withList(minimal(null).put("stage", "KEEP_WARM").put("priority", 20), "industries", "manufacturing").toString()).json();
    assertThat(texts(promoted.get("industries"))).containsExactly("manufacturing");
    assertThat(catalogue.nextFor(lead, FunnelStage.KEEP_WARM, everythingElse)).as("targeted at the lead's industry")
        .get().extracting(ContentItem::getId).isEqualTo(second);

    marketing.delete("/api/content/" + second);
    assertThat(catalogue.nextFor(lead, FunnelStage.KEEP_WARM, everythingElse)).get().extracting(ContentItem::getId).isEqualTo(first);
    marketing.putJson("/api/content/" + first, minimal(null).put("stage", "KEEP_WARM").put("active", false).toString());
    assertThat(catalogue.nextFor(lead, FunnelStage.KEEP_WARM, everythingElse)).as("paused").isEmpty();
  }

  @Test
  void theCatalogueIsMarketingsAnIntegrationOrASalesRepMayNotTouchIt() {
    assertThat(anonymous.get("/api/content").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/content/welcome").status()).isEqualTo(401);
    assertThat(anonymous.postJson("/api/content", minimal(id).toString()).status()).isEqualTo(401);

    for (Api other : new Api[] {anonymous.as("crm", "demo"), anonymous.as("sam", "demo")}) {
      Api.Response list = other.get("/api/content");
      assertThat(list.status()).isEqualTo(403);
      assertThat(list.header("Content-Type")).startsWith("application/problem+json");
      assertThat(other.get("/api/content/welcome").status()).isEqualTo(403);
      assertThat(other.postJson("/api/content", minimal(id).toString()).status()).isEqualTo(403);
      assertThat(other.putJson("/api/content/welcome", minimal(null).toString()).status()).isEqualTo(403);
      assertThat(other.delete("/api/content/welcome").status()).isEqualTo(403);
    }
    assertThat(items.existsById(id)).isFalse();
    assertThat(items.findById("welcome")).get().extracting(ContentItem::getRetiredAt).isNull();

    assertThat(marketing.get("/api/content").status()).isEqualTo(200);
    assertThat(marketing.get("/api/content/welcome").status()).isEqualTo(200);
    assertThat(anonymous.as("admin", "test-admin-password").get("/api/content/welcome").status()).isEqualTo(200);
  }

  /** A valid item with only the required fields (and no id when {@code id} is null). */
  private static ObjectNode minimal(String id) {
    ObjectNode item = JSON.createObjectNode();
    if (id != null) {
      item.put("id", id);
    }
    return item.put("title", "Test webinar")
        .put("stage", "MOFU")
        .put("type", "WEBINAR")
        .put("url", "https://leadflow.example/resources/test-webinar")
        .put("emailSubject", "{{title}}")
        .put("emailBody", "Hello,\n\n{{title}}: {{url}}");
  }

  private static ObjectNode withList(ObjectNode item, String field, String... values) {
    item.putArray(field).addAll(Arrays.stream(values).map(JSON.getNodeFactory()::textNode).toList());
    return item;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
