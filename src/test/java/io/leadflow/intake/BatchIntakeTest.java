package io.leadflow.intake;

import static io.leadflow.journey.Journeys.welcomed;
import static io.leadflow.scoring.ScoringFixture.assertLedgerExplainsScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.journey.LeadNurturingProcess;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch is recorded in one transaction, and answers and stores exactly what the same
 * interactions sent one by one would: each batch here is compared with its items sent as single
 * requests for a twin lead (same profile, same journey).
 */
@LeadflowTest
class BatchIntakeTest {

  /** The journeys' welcome emails go here. */
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InteractionRepository interactions;
  @Autowired InteractionChecks checks;
  @Autowired InteractionRecorder recorder;
  @Autowired PlatformTransactionManager transactions;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aMixedBatchIsAnsweredItemByItemAsSingleRequestsAreAndStoresExactlyTheAcceptedOnes() {
    TestLead batched = aWelcomedLead();
    TestLead oneByOne = aWelcomedLead();
    String someoneElse = aLead("someone.else").email();
    String anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
    List<String> items = List.of(
        """
        {"leadId": "$LEAD", "type": "PAGE_VIEW", "occurredAt": "%s", "externalId": "$EXTERNAL-1",
         "details": {"url": "https://example.com/pricing"}}""".formatted(anHourAgo),
        """
        {"leadId": "$LEAD", "type": "TELEPATHY"}""",
        """
        {"leadId": "no-such-lead", "type": "EMAIL_OPEN"}""",
        """
        {"email": "nobody.%s@example.com", "type": "EMAIL_OPEN"}""".formatted(UUID.randomUUID()),
        """
        {"leadId": "$LEAD", "email": "%s", "type": "EMAIL_OPEN"}""".formatted(someoneElse),
        """
        {"email": "$EMAIL", "type": "EMAIL_CLICK", "externalId": "$EXTERNAL-1"}""",
        """
        {"leadId": "$LEAD", "type": "CONTENT_DOWNLOAD", "occurredAt": "%s", "externalId": "$EXTERNAL-2",
         "details": {"contentId": "whitepaper-lead-scoring"}}""".formatted(anHourAgo),
        """
        {"leadId": "$LEAD", "type": "PAGE_VIEW", "occurredAt": "%s", "details": {"url": "https://example.com/pricing"}}"""
            .formatted(anHourAgo),
        """
        {"email": "$EMAIL", "type": "EMAIL_OPEN", "occurredAt": "2999-01-01T00:00:00Z"}""");

    List<JsonNode> answers = batched.sendsAsOneBatch(items);
    List<JsonNode> singleAnswers = oneByOne.sendsOneByOne(items);

    assertThat(batched.normalised(answers)).as("the batch answers as single requests do")
        .containsExactlyElementsOf(oneByOne.normalised(singleAnswers));
    assertThat(answers.get(0).get("points").asInt()).isPositive();
    assertThat(answers.get(0).get("duplicate").asBoolean()).isFalse();
    assertRefused(answers.get(1), 400, "type");
    assertRefused(answers.get(2), 404, "leadId");
    assertRefused(answers.get(3), 404, "email");
    assertRefused(answers.get(4), 400, "email");
    assertThat(answers.get(5).get("duplicate").asBoolean()).as("the same external id again in the batch").isTrue();
    assertThat(answers.get(5).get("id").asText()).isEqualTo(answers.get(0).get("id").asText());
    assertThat(answers.get(5).get("points").asInt()).isEqualTo(answers.get(0).get("points").asInt());
    assertRefused(answers.get(8), 400, "occurredAt");

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(batched.id).stream().map(Interaction::getId))
        .as("exactly the accepted ones are stored")
        .containsExactlyInAnyOrder(answers.get(0).get("id").asText(), answers.get(6).get("id").asText(),
            answers.get(7).get("id").asText());
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(batched.id))
        .extracting(stored -> batched.asNamed(stored.getExternalId())).containsOnlyOnce("$EXTERNAL-1");
    assertThat(batched.journey).as("the download and the second pricing page moved the lead down the funnel, "
        + "and its journey was told").isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "BOFU");
    assertThat(oneByOne.journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "BOFU");
    assertThat(batched.score()).isEqualTo(oneByOne.score());
    assertLedgerExplainsScore(marketing.get("/api/leads/" + batched.id + "/score").json());
  }

  @Test
  void theDailyCapsOfABatchCountAsSingleRequestsDoItemsOutOfOrderIncluded() {
    TestLead batched = aWelcomedLead();
    TestLead oneByOne = aWelcomedLead();
    Instant yesterdayNoon = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);
    List<String> items = new ArrayList<>();
    for (int view = 0; view < 30; view++) {
      // every third view is reported late: it happened before the ones already sent
      Instant at = yesterdayNoon.plus(view % 3 == 2 ? -view : view, ChronoUnit.MINUTES);
      items.add("""
          {"leadId": "$LEAD", "type": "PAGE_VIEW", "occurredAt": "%s", "details": {"url": "https://example.com/pricing"}}"""
          .formatted(at));
    }

    List<JsonNode> answers = batched.sendsAsOneBatch(items);

    assertThat(batched.normalised(answers)).containsExactlyElementsOf(oneByOne.normalised(oneByOne.sendsOneByOne(items)));
    assertThat(answers.get(0).get("points").asInt()).isPositive();
    assertThat(answers.get(28).get("points").asInt()).as("over the daily cap a view scores nothing").isZero();
    assertLedgerExplainsScore(marketing.get("/api/leads/" + batched.id + "/score").json());
  }

  @Test
  void aBatchThatLosesARaceToAnotherTransactionIsTriedAgainWholeAndLosesNothing() {
    TestLead lead = aWelcomedLead();
    // the whole batch is recorded, then its transaction fails as a deadlock with another batch would make it
    // (intake runs no engine command, so the engine's races cannot reach it: LeadChangesAfterACrashTest)
    InteractionRecorder raceOnTheFirstTry = spy(recorder);
    doAnswer(call -> {
      call.callRealMethod();
      throw new CannotAcquireLockException("deadlock detected");
    }).doCallRealMethod().when(raceOnTheFirstTry).record(anyList());
    InteractionIntake intake = new InteractionIntake(checks, raceOnTheFirstTry, interactions, transactions);
    List<JsonNode> items = json(lead.filledIn(List.of(
        """
        {"leadId": "$LEAD", "type": "PAGE_VIEW", "externalId": "$EXTERNAL-1", "details": {"url": "https://example.com/pricing"}}""",
        """
        {"leadId": "$LEAD", "type": "TELEPATHY"}""",
        """
        {"leadId": "no-such-lead", "type": "EMAIL_OPEN"}""",
        """
        {"email": "$EMAIL", "type": "CONTENT_DOWNLOAD", "externalId": "$EXTERNAL-2"}""",
        """
        {"leadId": "$LEAD", "type": "EMAIL_OPEN", "externalId": "$EXTERNAL-1"}""")));

    List<InteractionIntake.Answer> answers = intake.receiveAll(items);

    verify(raceOnTheFirstTry, times(2).description("the batch, then the batch again: not one transaction per item"))
        .record(anyList());
    assertThat(answers.get(0)).isInstanceOfSatisfying(InteractionIntake.Received.class,
        first -> assertThat(first.duplicate()).isFalse());
    assertThat(answers.get(1)).isInstanceOfSatisfying(InteractionIntake.Refused.class,
        refused -> assertThat(refused.status().value()).isEqualTo(400));
    assertThat(answers.get(2)).isInstanceOfSatisfying(InteractionIntake.Refused.class,
        refused -> assertThat(refused.status().value()).isEqualTo(404));
    assertThat(answers.get(3)).isInstanceOfSatisfying(InteractionIntake.Received.class,
        download -> assertThat(download.duplicate()).isFalse());
    assertThat(answers.get(4)).isEqualTo(InteractionIntake.Received.duplicateOf(
        interactions.findById(idOf(answers.get(0))).orElseThrow()));
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.id)).as("the first try left nothing behind")
        .extracting(Interaction::getId).containsExactlyInAnyOrder(
            idOf(answers.get(0)), idOf(answers.get(3)));
    assertLedgerExplainsScore(marketing.get("/api/leads/" + lead.id + "/score").json());
  }

  @Test
  void anExternalIdStoredByAnotherRequestWhileTheBatchRanMakesThatItemADuplicateAndKeepsTheOthers() {
    TestLead lead = aWelcomedLead();
    TestLead otherSendersLead = aLead("other.sender");
    String contested = "contested-" + UUID.randomUUID();
    // after the batch looked its external ids up, another request stores one of them and commits first
    InteractionRecorder overtaken = spy(recorder);
    doAnswer(call -> {
      Object answers = call.callRealMethod();
      // the batch's rows are written at its commit only, so this insert need not wait for them (were they
      // written early, it would: bounded, so that fails the test instead of hanging it)
      CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
              interactions.save(new Interaction(otherSendersLead.id, InteractionType.EMAIL_OPEN, Instant.now(), Instant.now(),
                  contested, null, null, null, null, null))))
          .get(1, TimeUnit.MINUTES);
      return answers;
    }).doCallRealMethod().when(overtaken).record(anyList());
    InteractionIntake intake = new InteractionIntake(checks, overtaken, interactions, transactions);
    List<JsonNode> items = json(lead.filledIn(List.of(
        """
        {"leadId": "$LEAD", "type": "PAGE_VIEW", "details": {"url": "https://example.com/pricing"}}""",
        """
        {"leadId": "$LEAD", "type": "EMAIL_OPEN", "externalId": "%s"}""".formatted(contested),
        """
        {"leadId": "$LEAD", "type": "EMAIL_CLICK", "externalId": "$EXTERNAL-3"}""")));

    List<InteractionIntake.Answer> answers = intake.receiveAll(items);

    Interaction theOtherOne = interactions.findByExternalId(contested).orElseThrow();
    assertThat(answers.get(1)).as("the other request was first").isEqualTo(InteractionIntake.Received.duplicateOf(theOtherOne));
    assertThat(theOtherOne.getLeadId()).isEqualTo(otherSendersLead.id);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.id)).extracting(Interaction::getId)
        .containsExactlyInAnyOrder(idOf(answers.get(0)), idOf(answers.get(2)));
    assertLedgerExplainsScore(marketing.get("/api/leads/" + lead.id + "/score").json());
  }

  // --- leads of one profile ("twins" when two are compared) ---

  /** A lead whose journey waits after its welcome, so that it is told of stage changes. */
  private TestLead aWelcomedLead() {
    TestLead lead = aLead("twin");
    lead.journey = welcomed(engine, lead.id);
    return lead;
  }

  private TestLead aLead(String name) {
    String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Api.Response response = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Tess", "company": "Twin Test Ltd", "companySize": 20,
         "industry": "Education", "jobTitle": "Analyst", "country": "DE", "consent": {"given": true}}""".formatted(email));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return new TestLead(response.json().get("id").asText(), email);
  }

  /** A lead, and what it is sent: items with $LEAD, $EMAIL and $EXTERNAL-n filled in as its own. */
  private final class TestLead {

    final String id;
    final String email;
    final String externalIdPrefix = UUID.randomUUID() + "-";
    ProcessInstance journey;

    TestLead(String id, String email) {
      this.id = id;
      this.email = email;
    }

    String email() {
      return email;
    }

    List<String> filledIn(List<String> items) {
      return items.stream().map(item -> item.replace("$LEAD", id).replace("$EMAIL", email.toUpperCase())
          .replace("$EXTERNAL-", externalIdPrefix)).toList();
    }

    /** The external id as the items name it ($EXTERNAL-n). */
    String asNamed(String externalId) {
      return externalId == null ? null : externalId.replace(externalIdPrefix, "$EXTERNAL-");
    }

    List<JsonNode> sendsAsOneBatch(List<String> items) {
      Api.Response response = marketing.postJson("/api/interactions", "[" + String.join(",", filledIn(items)) + "]");
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      List<JsonNode> answers = new ArrayList<>();
      response.json().forEach(answers::add);
      assertThat(answers).hasSameSizeAs(items);
      return answers;
    }

    List<JsonNode> sendsOneByOne(List<String> items) {
      List<JsonNode> answers = new ArrayList<>();
      for (String item : filledIn(items)) {
        Api.Response response = marketing.postJson("/api/interactions", item);
        JsonNode answer = response.json();
        if (answer.has("status")) {
          assertThat(response.status()).as(response.toString()).isEqualTo(answer.get("status").asInt());
        } else {
          assertThat(response.status()).as(response.toString()).isEqualTo(answer.get("duplicate").asBoolean() ? 200 : 201);
        }
        answers.add(answer);
      }
      return answers;
    }

    /**
     * The answers without what is the twin's own (its id, each interaction id as the item that
     * first got it) and without the {@code instance} (the request path) of a single request's problem.
     */
    List<String> normalised(List<JsonNode> answers) {
      Map<String, Integer> firstItemWith = new HashMap<>();
      List<String> normalised = new ArrayList<>();
      for (int item = 0; item < answers.size(); item++) {
        JsonNode answer = answers.get(item).deepCopy();
        if (answer instanceof ObjectNode problem) {
          problem.remove("instance");
        }
        String text = answer.toString().replace(id, "$LEAD");
        if (answer.has("id")) {
          firstItemWith.putIfAbsent(answer.get("id").asText(), item);
          text = text.replace(answer.get("id").asText(), "interaction of item " + firstItemWith.get(answer.get("id").asText()));
        }
        normalised.add(text);
      }
      return normalised;
    }

    /** Its scores, rating, qualification, stage and status. */
    String score() {
      JsonNode score = marketing.get("/api/leads/" + id + "/score").json();
      JsonNode lead = marketing.get("/api/leads/" + id).json();
      return List.of("fit", "engagement", "social", "total", "rating", "qualification", "stage").stream()
          .map(field -> field + "=" + score.path(field).asText()).toList() + " status=" + lead.path("status").asText();
    }
  }

  private static String idOf(InteractionIntake.Answer answer) {
    assertThat(answer).isInstanceOf(InteractionIntake.Received.class);
    return ((InteractionIntake.Received) answer).id();
  }

  private static void assertRefused(JsonNode answer, int status, String field) {
    assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.get("errors").findValuesAsText("field")).as(answer.toString()).containsExactly(field);
  }

  private static List<JsonNode> json(List<String> items) {
    return items.stream().map(item -> {
      try {
        return JSON.readTree(item);
      } catch (Exception e) {
        throw new IllegalArgumentException(item, e);
      }
    }).toList();
  }
}
