package io.leadflow.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The selection rule: what the journey sends a lead next. Each test makes its own catalogue items
 * and counts everything else in the catalogue (the seed, other tests) as already received, so
 * only its own items compete.
 */
@LeadflowTest
class ContentCatalogueTest {

  @LocalServerPort int port;
  @Autowired ContentCatalogue catalogue;
  @Autowired ContentItemRepository items;
  @Autowired Leads leads;

  CatalogueFixture fixture;
  /** This test's ids start with it. */
  String prefix;
  /** Everything in the catalogue before the test: "already received". */
  Set<String> others;
  List<String> made = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixture = new CatalogueFixture(Api.at(port).as("mia", "demo"), leads, catalogue);
    prefix = CatalogueFixture.slug() + "-";
    others = new HashSet<>();
    items.findAll().forEach(item -> others.add(item.getId()));
  }

  @AfterEach
  void removeTheTestsContent() {
    items.deleteAllById(made);
  }

  @Test
  void aLeadReceivesItsStagesEmailsByPriorityEachOnceAndThenNothing() {
    item("tofu-b", FunnelStage.TOFU, 20, it -> {});
    item("tofu-a", FunnelStage.TOFU, 10, it -> {});
    item("tofu-c", FunnelStage.TOFU, 20, it -> {});
    item("mofu", FunnelStage.MOFU, 0, it -> {});
    Lead lead = fixture.lead("Retail", "Store Manager");

    assertThat(walk(lead, FunnelStage.TOFU)).as("lower priority first, then by id")
        .containsExactly(prefix + "tofu-a", prefix + "tofu-b", prefix + "tofu-c");
    assertThat(walk(lead, FunnelStage.MOFU)).containsExactly(prefix + "mofu");
    assertThat(walk(lead, FunnelStage.BOFU)).as("nothing of ours in BOFU").isEmpty();
    Set<String> everythingSent = new HashSet<>(others);
    everythingSent.addAll(made);
    assertThat(catalogue.nextFor(lead, FunnelStage.TOFU, everythingSent)).as("a stage used up").isEmpty();
  }

  @Test
  void givenALeadInManufacturingTheManufacturingItemComesFirstAndOtherIndustriesNeverGetIt() {
    item("for-everyone", FunnelStage.TOFU, 10, it -> {});
    item("for-manufacturing", FunnelStage.TOFU, 90, it -> it.setIndustries("manufacturing,logistics"));

    assertThat(walk(fixture.lead(" Manufacturing ", null), FunnelStage.TOFU))
        .as("targeted before priority").containsExactly(prefix + "for-manufacturing", prefix + "for-everyone");
    assertThat(walk(fixture.lead("LOGISTICS", null), FunnelStage.TOFU)).first().isEqualTo(prefix + "for-manufacturing");
    assertThat(walk(fixture.lead("Retail", null), FunnelStage.TOFU)).containsExactly(prefix + "for-everyone");
    assertThat(walk(fixture.lead(null, null), FunnelStage.TOFU)).containsExactly(prefix + "for-everyone");
  }

  @ParameterizedTest(name = "a lead whose job title is \"{0}\" gets the IT item: {1}")
  @CsvSource(nullValues = "none", textBlock = """
      CTO,                             true
      Chief Technology Officer (CTO),  true
      Head of IT,                      true
      cio / board member,              true
      Digital Marketing Manager,       false
      Director of Sales,               false
      none,                            false
      """)
  void aRoleTargetedItemFitsJobTitlesWithTheRoleAsAWholeWord(String jobTitle, boolean fits) {
    item("for-everyone", FunnelStage.MOFU, 10, it -> {});
    item("for-it", FunnelStage.MOFU, 90, it -> it.setRoles("cto,cio,it"));

    List<String> received = walk(fixture.lead("Software", jobTitle), FunnelStage.MOFU);

    if (fits) {
      assertThat(received).containsExactly(prefix + "for-it", prefix + "for-everyone");
    } else {
      assertThat(received).containsExactly(prefix + "for-everyone");
    }
  }

  @Test
  void anIndustryMatchCountsMoreThanARoleMatchAndAnItemForBothWantsBoth() {
    item("for-everyone", FunnelStage.BOFU, 0, it -> {});
    item("for-ctos", FunnelStage.BOFU, 10, it -> it.setRoles("cto"));
    item("for-manufacturing", FunnelStage.BOFU, 50, it -> it.setIndustries("manufacturing"));
    item("for-manufacturing-ctos", FunnelStage.BOFU, 90, it -> {
      it.setIndustries("manufacturing");
      it.setRoles("cto");
    });

    assertThat(walk(fixture.lead("Manufacturing", "CTO"), FunnelStage.BOFU)).containsExactly(
        prefix + "for-manufacturing-ctos", prefix + "for-manufacturing", prefix + "for-ctos", prefix + "for-everyone");
    assertThat(walk(fixture.lead("Manufacturing", "Buyer"), FunnelStage.BOFU))
        .containsExactly(prefix + "for-manufacturing", prefix + "for-everyone");
    assertThat(walk(fixture.lead("Retail", "CTO"), FunnelStage.BOFU))
        .containsExactly(prefix + "for-ctos", prefix + "for-everyone");
  }

  @Test
  void retiredInactiveNonEmailAndWelcomeItemsAreNeverChosen() {
    item("retired", FunnelStage.KEEP_WARM, 0, it -> it.setRetiredAt(Instant.now()));
    item("inactive", FunnelStage.KEEP_WARM, 0, it -> it.setActive(false));
    item("phone-call", FunnelStage.KEEP_WARM, 0, it -> it.setChannel(Channel.TELEMARKETING));
    item("by-post", FunnelStage.KEEP_WARM, 0, it -> it.setChannel(Channel.DIRECT_MAIL));
    item("welcome-again", FunnelStage.KEEP_WARM, 0, it -> it.setType(ContentType.WELCOME));
    item("newsletter", FunnelStage.KEEP_WARM, 50, it -> it.setType(ContentType.NEWSLETTER));

    assertThat(walk(fixture.lead(null, null), FunnelStage.KEEP_WARM)).containsExactly(prefix + "newsletter");
  }

  @Test
  void theWelcomeIsTheActiveWelcomeEmailWithTheLowestPriorityThatFitsTheLead() {
    Lead lead = fixture.lead("Retail", "Owner");
    assertThat(catalogue.welcomeFor(lead)).get().extracting(ContentItem::getId).as("the seeded welcome").isEqualTo("welcome");

    // ids of this test sort before "welcome", so at the seed's priority 0 they would win
    ContentItem draft = item("draft-welcome", FunnelStage.TOFU, 0, it -> {
      it.setType(ContentType.WELCOME);
      it.setActive(false);
    });
    item("welcome-letter", FunnelStage.TOFU, 0, it -> {
      it.setType(ContentType.WELCOME);
      it.setChannel(Channel.DIRECT_MAIL);
    });
    item("retired-welcome", FunnelStage.TOFU, 0, it -> {
      it.setType(ContentType.WELCOME);
      it.setRetiredAt(Instant.now());
    });
    item("manufacturing-welcome", FunnelStage.TOFU, 5, it -> {
      it.setType(ContentType.WELCOME);
      it.setIndustries("manufacturing");
    });
    assertThat(catalogue.welcomeFor(lead)).get().extracting(ContentItem::getId).isEqualTo("welcome");
    assertThat(catalogue.welcomeFor(fixture.lead("Manufacturing", null))).get().extracting(ContentItem::getId)
        .as("a targeted welcome for its industry").isEqualTo(prefix + "manufacturing-welcome");

    draft.setActive(true);
    draft = items.save(draft);
    assertThat(catalogue.welcomeFor(lead)).get().extracting(ContentItem::getId).isEqualTo(prefix + "draft-welcome");

    draft.setPriority(1);
    draft = items.save(draft);
    assertThat(catalogue.welcomeFor(lead)).get().extracting(ContentItem::getId).isEqualTo("welcome");
  }

  private List<String> walk(Lead lead, FunnelStage stage) {
    return fixture.walk(lead, stage, others);
  }

  private ContentItem item(String name, FunnelStage stage, int priority, Consumer<ContentItem> details) {
    ContentItem item = new ContentItem(prefix + name, Instant.now());
    item.setTitle("Test content " + name);
    item.setStage(stage);
    item.setType(ContentType.TIPS);
    item.setUrl("https://leadflow.example/resources/" + name);
    item.setEmailSubject("{{title}}");
    item.setEmailBody("Hello,\n\n{{title}}\n{{url}}");
    item.setPriority(priority);
    details.accept(item);
    made.add(item.getId());
    return items.save(item);
  }
}
