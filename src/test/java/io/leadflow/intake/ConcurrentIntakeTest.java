package io.leadflow.intake;

import static io.leadflow.scoring.ScoringFixture.assertLedgerExplainsScore;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.interaction.InteractionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A busy website: several requests, or batches, for the same leads at the same moment. None is
 * lost, none counted twice.
 */
@LeadflowTest
class ConcurrentIntakeTest {

  @LocalServerPort int port;
  @Autowired InteractionRepository interactions;

  @Test
  void interactionsForOneLeadArrivingAtOnceAreAllKeptAndTheLedgerStillAddsUp() throws Exception {
    Api marketing = Api.at(port).as("mia", "demo");
    String lead = marketing.postJson("/api/leads", "{\"email\": \"busy.%s@example.com\", \"company\": \"Busy Site Ltd\"}"
        .formatted(UUID.randomUUID().toString().substring(0, 8))).json().get("id").asText();
    String sharedExternalId = "pixel-" + UUID.randomUUID();
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String externalId = i < 4 ? sharedExternalId : "pixel-" + UUID.randomUUID();
      String type = i % 2 == 0 ? "EMAIL_OPEN" : "CONTENT_DOWNLOAD";
      requests.add(() -> marketing.postJson("/api/interactions",
          "{\"leadId\": \"%s\", \"type\": \"%s\", \"externalId\": \"%s\"}".formatted(lead, type, externalId)));
    }

    ExecutorService website = Executors.newFixedThreadPool(4);
    List<Api.Response> answers = new ArrayList<>();
    try {
      for (Future<Api.Response> answer : website.invokeAll(requests)) {
        answers.add(answer.get());
      }
    } finally {
      website.shutdown();
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
    assertThat(answers.stream().filter(answer -> answer.status() == 201)).as("the shared external id once, the rest each")
        .hasSize(13);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead)).hasSize(13);
    assertLedgerExplainsScore(marketing.get("/api/leads/" + lead + "/score").json());
  }

  @Test
  void batchesNamingTheSameLeadsInOtherOrdersAtOnceAreAllKeptAndTheLedgersStillAddUp() throws Exception {
    Api marketing = Api.at(port).as("mia", "demo");
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      leads.add(marketing.postJson("/api/leads", "{\"email\": \"batched.%s@example.com\", \"company\": \"Busy Site Ltd\"}"
          .formatted(UUID.randomUUID().toString().substring(0, 8))).json().get("id").asText());
    }
    String run = UUID.randomUUID().toString();
    List<Callable<Api.Response>> batches = new ArrayList<>();
    for (int batch = 0; batch < 4; batch++) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < leads.size(); i++) {
        // every other batch names the leads the other way round
        int lead = batch % 2 == 0 ? i : leads.size() - 1 - i;
        for (int view = 0; view < 3; view++) {
          items.add("{\"leadId\": \"%s\", \"type\": \"PAGE_VIEW\", \"externalId\": \"%s-%d-%d-%d\"}"
              .formatted(leads.get(lead), run, batch, lead, view));
        }
        // the same open reported in every batch
        items.add("{\"leadId\": \"%s\", \"type\": \"EMAIL_OPEN\", \"externalId\": \"%s-shared-%d\"}"
            .formatted(leads.get(lead), run, lead));
      }
      batches.add(() -> marketing.postJson("/api/interactions", "[" + String.join(",", items) + "]"));
    }

    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Api.Response> answers = new ArrayList<>();
    try {
      for (Future<Api.Response> answer : senders.invokeAll(batches)) {
        answers.add(answer.get());
      }
    } finally {
      senders.shutdown();
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
    List<Boolean> duplicates = new ArrayList<>();
    answers.forEach(answer -> answer.json().forEach(item -> duplicates.add(item.get("duplicate").asBoolean())));
    assertThat(duplicates).as("every item is kept: each shared open once, its three other reports as duplicates")
        .hasSize(4 * 20).filteredOn(duplicate -> duplicate).hasSize(3 * 5);
    for (String lead : leads) {
      assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead)).hasSize(4 * 3 + 1);
      assertLedgerExplainsScore(marketing.get("/api/leads/" + lead + "/score").json());
    }
  }
}
