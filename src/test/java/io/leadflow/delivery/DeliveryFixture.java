package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.content.ContentType;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Instant;
import java.util.UUID;

/** Leads captured over the API as a landing page does, and catalogue content to send them. */
final class DeliveryFixture {

  static final String CONTENT_URL = "https://content.example.com/guides/lead-scoring?utm_source=nurturing";

  private final Api marketing;
  private final Leads leads;
  private final ContentItemRepository contents;

  DeliveryFixture(Api marketing, Leads leads, ContentItemRepository contents) {
    this.marketing = marketing;
    this.leads = leads;
    this.contents = contents;
  }

  /** A lead that agreed to hear from us. */
  Lead lead(String firstName, String company) {
    return captured("""
        {"email": "%s", "firstName": "%s", "lastName": "Lovelace", "company": "%s",
         "consent": {"given": true, "source": "landing page"}}""".formatted(email(), firstName, company));
  }

  /** A lead that said no to emails. */
  Lead leadWithoutConsent() {
    return captured("""
        {"email": "%s", "firstName": "Noah", "consent": {"given": false, "source": "landing page"}}""".formatted(email()));
  }

  Lead captured(String json) {
    Api.Response response = marketing.postJson("/api/leads", json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return reloaded(response.json().get("id").asText());
  }

  Lead reloaded(String leadId) {
    return leads.find(leadId).orElseThrow();
  }

  /** A guide from the catalogue with the given email templates. */
  ContentItem content(String subject, String body) {
    // "test-": the prefix of content that tests make (see content.CatalogueFixture), so the seed checks leave it out
    ContentItem item = new ContentItem("test-guide-" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
    item.setTitle("The lead scoring guide");
    item.setStage(FunnelStage.TOFU);
    item.setType(ContentType.GUIDE);
    item.setUrl(CONTENT_URL);
    item.setEmailSubject(subject);
    item.setEmailBody(body);
    // sent by these tests on purpose, never chosen for the journeys of other tests sharing the database
    item.setActive(false);
    return contents.save(item);
  }

  /** A guide with a personalised subject and body that links to it. */
  ContentItem guide() {
    return content("{{firstName}}, a guide for {{company}}", """
        Hi {{firstName}},

        teams like {{company}} score leads to know whom to call first.
        {{title}} shows how:
        {{url}}

        Enjoy the read!""");
  }

  Api.Response unsubscribeByApi(String leadId) {
    return marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "UNSUBSCRIBE"}""".formatted(leadId));
  }

  static String key() {
    return "journey-" + UUID.randomUUID() + "/step-1";
  }

  private static String email() {
    return "reader." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
