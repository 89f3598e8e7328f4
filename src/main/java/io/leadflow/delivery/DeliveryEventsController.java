package io.leadflow.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import io.leadflow.intake.InteractionIntake;
import io.leadflow.intake.InteractionRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/delivery-events/{provider}}: a sender's event webhook. {@code sendgrid}:
 * SendGrid's Event Webhook (a JSON array of events), authenticated by its signature
 * ({@link SendGridSignature}) instead of a login; a missing, wrong or stale signature is 401 and
 * changes nothing. Bounces, drops, spam reports, opens and clicks become interactions
 * ({@link SendGridEvents}) through the same intake as {@code POST /api/interactions}, so they are
 * scored, filtered and suppress addresses alike; the event id makes SendGrid's retries count once.
 */
@RestController
class DeliveryEventsController {

  private static final Logger log = LoggerFactory.getLogger(DeliveryEventsController.class);

  private final DeliveryEventSettings settings;
  private final Optional<SendGridSignature> sendGridSignature;
  private final SendGridEvents sendGridEvents;
  private final InteractionIntake intake;
  private final ObjectMapper json;
  private final Clock clock;

  DeliveryEventsController(DeliveryEventSettings settings, SendGridEvents sendGridEvents, InteractionIntake intake,
      ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.sendGridSignature = Optional.ofNullable(settings.sendgrid().publicKey()).map(SendGridSignature::withKey);
    this.sendGridEvents = sendGridEvents;
    this.intake = intake;
    this.json = json;
    this.clock = clock;
  }

  /** What became of each event, in order, and the counts. */
  record Answer(int received, int recorded, int ignored, int refused, List<EventOutcome> events) {}

  /**
   * One event: {@code RECORDED} (with the interaction, {@code duplicate} when SendGrid sent it
   * before), {@code IGNORED} (an event Leadflow has no interaction for) or {@code REFUSED} (why).
   */
  record EventOutcome(int index, String event, String outcome, String interactionId, Boolean duplicate, String detail) {}

  @PostMapping(path = "/api/delivery-events/{provider}")
  Answer receive(@PathVariable String provider, @RequestBody(required = false) byte[] body,
      @RequestHeader(name = SendGridSignature.SIGNATURE_HEADER, required = false) String signature,
      @RequestHeader(name = SendGridSignature.TIMESTAMP_HEADER, required = false) String timestamp) {
    if (!"sendgrid".equals(provider.toLowerCase(Locale.ROOT))) {
      throw new NotFound("delivery event webhook (providers: sendgrid)", provider);
    }
    SendGridSignature key = sendGridSignature.orElseThrow(() ->
        new NotFound("configured delivery event webhook (leadflow.delivery-events.sendgrid.public-key)", provider));
    byte[] payload = body == null ? new byte[0] : body;
    if (!key.verifies(timestamp, payload, signature)) {
      log.warn("SendGrid event webhook refused: missing or wrong signature");
      throw unauthorized("The request is not signed with SendGrid's key (" + SendGridSignature.SIGNATURE_HEADER + ")");
    }
    if (tooOld(timestamp)) {
      log.warn("SendGrid event webhook refused: signed at {}, older than {}", timestamp, settings.sendgrid().maxAge());
      throw unauthorized("The signed timestamp (" + SendGridSignature.TIMESTAMP_HEADER + ") is older than "
          + settings.sendgrid().maxAge() + " or in the future");
    }
    JsonNode events = parse(payload);
    List<EventOutcome> outcomes = new ArrayList<>();
    int recorded = 0;
    int ignored = 0;
    int refused = 0;
    for (int index = 0; index < events.size(); index++) {
      JsonNode event = events.get(index);
      String name = event.path("event").asText(null);
      Optional<InteractionRequest> request = sendGridEvents.interaction(event);
      if (request.isEmpty()) {
        ignored++;
        outcomes.add(new EventOutcome(index, name, "IGNORED", null, null, "no interaction for this event"));
        continue;
      }
      InteractionIntake.Answer answer = intake.receive(request.get());
      if (answer instanceof InteractionIntake.Received received) {
        recorded++;
        outcomes.add(new EventOutcome(index, name, "RECORDED", received.id(), received.duplicate() ? true : null, null));
      } else {
        InteractionIntake.Refused no = (InteractionIntake.Refused) answer;
        refused++;
        outcomes.add(new EventOutcome(index, name, "REFUSED", null, null, no.detail() + " " + no.errors()));
      }
    }
    return new Answer(events.size(), recorded, ignored, refused, outcomes);
  }

  private boolean tooOld(String timestamp) {
    try {
      Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
      return Duration.between(signedAt, clock.instant()).abs().compareTo(settings.sendgrid().maxAge()) > 0;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private JsonNode parse(byte[] payload) {
    try {
      JsonNode events = json.readTree(payload);
      if (events != null && events.isArray()) {
        return events;
      }
    } catch (IOException | RuntimeException notJson) {
      // answered below
    }
    throw new InvalidRequest("SendGrid's Event Webhook sends a JSON array of events",
        List.of(new FieldProblem("body", "must be a JSON array of events")));
  }

  private static InvalidRequest unauthorized(String detail) {
    return new InvalidRequest(HttpStatus.UNAUTHORIZED, detail, List.of());
  }
}
