package io.leadflow.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue Leadflow starts with (V4__content_seed.sql) is enough for a journey through every stage. */
@LeadflowTest
class SeededCatalogueTest {

  @LocalServerPort int port;
  @Autowired ContentCatalogue catalogue;
  @Autowired ContentItemRepository items;
  @Autowired Leads leads;
  @Autowired Validator validator;

  CatalogueFixture fixture;
  /** Content other tests made counts as received, so only the seed competes. */
  Set<String> testContent;

  @BeforeEach
  void setUp() {
    fixture = new CatalogueFixture(Api.at(port).as("mia", "demo"), leads, catalogue);
    testContent = items.findAll().stream().map(ContentItem::getId)
        .filter(id -> id.startsWith(CatalogueFixture.TEST_PREFIX)).collect(Collectors.toSet());
  }

  @Test
  void everyJourneyStartsWithTheOnePersonalisedWelcome() {
    List<ContentItem> welcomes = seed().stream().filter(item -> item.getType() == ContentType.WELCOME).toList();

    assertThat(welcomes).singleElement().satisfies(welcome -> {
      assertThat(welcome.getId()).isEqualTo("welcome");
      assertThat(welcome.getStage()).isEqualTo(FunnelStage.TOFU);
      assertThat(welcome.getChannel()).isEqualTo(Channel.EMAIL);
      assertThat(welcome.getPriority()).isZero();
      assertThat(welcome.getEmailBody()).contains("{{firstName}}", "{{company}}");
    });
    assertThat(catalogue.welcomeFor(fixture.lead(null, null))).get().extracting(ContentItem::getId).isEqualTo("welcome");
    assertThat(catalogue.welcomeFor(fixture.lead("Manufacturing", "CTO"))).get().extracting(ContentItem::getId).isEqualTo("welcome");
  }

  @ParameterizedTest(name = "a lead of no particular persona gets at least {1} emails in {0}")
  @CsvSource({"TOFU, 5", "MOFU, 4", "BOFU, 3", "KEEP_WARM, 3", "LOYALTY, 3"})
  void everyStageTheJourneyUsesHasEnoughEmailsForAnyLead(FunnelStage stage, int enough) {
    List<String> received = fixture.walk(fixture.lead(null, null), stage, testContent);

    assertThat(received).hasSizeGreaterThanOrEqualTo(enough).doesNotHaveDuplicates();
    assertThat(received).allSatisfy(id -> assertThat(items.findById(id)).get().satisfies(item -> {
      assertThat(item.getStage()).isEqualTo(stage);
      assertThat(item.getChannel()).isEqualTo(Channel.EMAIL);
      assertThat(item.getType()).isNotEqualTo(ContentType.WELCOME);
      assertThat(item.getIndustries()).as("no targeted item for a lead without industry").isNull();
      assertThat(item.getRoles()).isNull();
    }));
  }

  @Test
  void givenALeadInManufacturingItsIndustrysContentComesFirst() {
    Lead lead = fixture.lead("Manufacturing", "Head of Operations");

    assertThat(fixture.walk(lead, FunnelStage.TOFU, testContent))
        .startsWith("ebook-b2b-funnel-manufacturing-logistics", "whitepaper-lead-scoring-basics")
        .doesNotContain("video-marketing-automation-for-it");
    assertThat(fixture.walk(lead, FunnelStage.MOFU, testContent)).startsWith("case-study-machine-builder");
  }

  @Test
  void givenAnItLeaderTheContentForItComesFirst() {
    Lead lead = fixture.lead("Software", "CIO");

    assertThat(fixture.walk(lead, FunnelStage.TOFU, testContent))
        .startsWith("video-marketing-automation-for-it", "whitepaper-lead-scoring-basics")
        .doesNotContain("ebook-b2b-funnel-manufacturing-logistics");
    assertThat(fixture.walk(lead, FunnelStage.MOFU, testContent))
        .startsWith("data-sheet-security-integrations")
        .doesNotContain("case-study-machine-builder");
  }

  @Test
  void theCatalogueCarriesChannelsTheJourneyDoesNotDeliverYet() {
    List<ContentItem> notByEmail = seed().stream().filter(item -> item.getChannel() != Channel.EMAIL).toList();

    assertThat(notByEmail).isNotEmpty().allSatisfy(item -> assertThat(
        fixture.walk(fixture.lead(null, null), item.getStage(), testContent)).doesNotContain(item.getId()));
  }

  @Test
  void everyTemplateCompilesAndUsesOnlyWhatDeliveryFillsIn() {
    assertThat(seed()).allSatisfy(item -> {
      assertThat(EmailTemplates.problemWith(item.getEmailSubject())).as(item.getId() + " subject").isEmpty();
      assertThat(EmailTemplates.problemWith(item.getEmailBody())).as(item.getId() + " body").isEmpty();
    });
  }

  @Test
  void everySeededItemIsOneTheApiWouldAccept() {
    assertThat(seed()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(item -> {
      assertThat(validator.validate(asRequest(item), Default.class, ContentItemRequest.New.class)).as(item.getId()).isEmpty();
      assertThat(item.getUrl()).startsWith("https://leadflow.example/resources/");
      assertThat(item.getLanguage()).isEqualTo("en");
      assertThat(item.isActive()).isTrue();
    });
  }

  @Test
  void everyEmailReadsWellWithAndWithoutTheLeadsNameAndCompany() {
    Mustache.Compiler plainText = Mustache.compiler().escapeHTML(false);
    Map<String, Object> fullLead = Map.of("firstName", "Jane", "lastName", "Doe", "company", "Acme Robotics");
    Map<String, Object> unknownName = new HashMap<>();
    unknownName.put("firstName", null);
    unknownName.put("lastName", null);
    unknownName.put("company", null);

    assertThat(seed()).allSatisfy(item -> {
      for (Map<String, Object> lead : List.of(fullLead, unknownName, Map.<String, Object>of())) {
        Map<String, Object> context = new HashMap<>(lead);
        context.put("title", item.getTitle());
        context.put("url", "https://leads.example.com/t/abc123");
        String subject = plainText.compile(item.getEmailSubject()).execute(context);
        String body = plainText.compile(item.getEmailBody()).execute(context);

        assertThat(subject + body).as(item.getId() + " for " + lead)
            .doesNotContain("{{", "}}", " ,", "  ", "null").contains("https://leads.example.com/t/abc123");
        assertThat(subject).as(item.getId()).doesNotContain("\n").isNotBlank();
        if (lead.isEmpty() || lead.get("firstName") == null) {
          assertThat(body).as(item.getId()).startsWith("Hello,\n").doesNotContain("Acme");
        } else {
          assertThat(body).as(item.getId()).containsPattern("^(Hi|Dear) Jane,\n");
        }
      }
    });
  }

  private List<ContentItem> seed() {
    return items.findAll().stream()
        .filter(item -> item.getRetiredAt() == null && !testContent.contains(item.getId()))
        .toList();
  }

  private static ContentItemRequest asRequest(ContentItem item) {
    return new ContentItemRequest(item.getId(), item.getTitle(), item.getStage(), item.getType(), item.getChannel(),
        Keywords.split(item.getIndustries()), Keywords.split(item.getRoles()), item.getUrl(), item.getEmailSubject(),
        item.getEmailBody(), item.getLanguage(), item.getPriority(), item.isActive());
  }
}
