package io.leadflow.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.Api;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Leads captured as a landing page captures them, and walks through the catalogue as the journey
 * makes them. Content that tests make has ids starting with {@value #TEST_PREFIX}.
 */
final class CatalogueFixture {

  static final String TEST_PREFIX = "test-";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Api marketing;
  private final Leads leads;
  private final ContentCatalogue catalogue;

  CatalogueFixture(Api marketing, Leads leads, ContentCatalogue catalogue) {
    this.marketing = marketing;
    this.leads = leads;
    this.catalogue = catalogue;
  }

  /** A new lead with this industry and job title (either may be null), as stored. */
  Lead lead(String industry, String jobTitle) {
    ObjectNode profile = JSON.createObjectNode()
        .put("email", "content." + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
        .put("company", "Acme Robotics");
    if (industry != null) {
      profile.put("industry", industry);
    }
    if (jobTitle != null) {
      profile.put("jobTitle", jobTitle);
    }
    Api.Response captured = marketing.postJson("/api/leads", profile.toString());
    if (captured.status() != 201) {
      throw new IllegalStateException("Lead not captured: " + captured);
    }
    return leads.find(captured.json().get("id").asText()).orElseThrow();
  }

  /**
   * What the lead receives in the stage, in order, when the journey asks for the next item until
   * there is none, starting with {@code alreadySent} received.
   */
  List<String> walk(Lead lead, FunnelStage stage, Collection<String> alreadySent) {
    Set<String> sent = new HashSet<>(alreadySent);
    List<String> received = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Optional<ContentItem> next = catalogue.nextFor(lead, stage, sent);
      if (next.isEmpty()) {
        return received;
      }
      if (!sent.add(next.get().getId())) {
        throw new AssertionError("Chose " + next.get().getId() + " although it was sent");
      }
      received.add(next.get().getId());
    }
    throw new AssertionError("The stage " + stage + " never runs out: " + received);
  }

  static String slug() {
    return TEST_PREFIX + UUID.randomUUID().toString().substring(0, 8);
  }
}
