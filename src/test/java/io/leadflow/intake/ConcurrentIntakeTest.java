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

/** A busy website: several requests for one lead at the same moment. None is lost, none counted twice. */
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
}
