package io.leadflow.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.intake.InteractionRequest;
import io.leadflow.interaction.InteractionType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SendGrid's Event Webhook events as interactions
 * (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event):
 * <ul>
 *   <li>{@code bounce} with {@code type} {@code bounce} (permanent) or {@code blocked}
 *       (transient), and its {@code status} (a DSN status): {@code EMAIL_BOUNCE} with
 *       {@code details.bounceType} and {@code details.status}, read by the bounce vocabulary
 *       ({@code leadflow.email.bounces.*});
 *   <li>{@code dropped}: SendGrid would not send. A drop for a spam report is a
 *       {@code EMAIL_COMPLAINT}; one for an unsubscribe is ignored (the unsubscribe is SendGrid's,
 *       not Leadflow's); any other ({@code Bounced Address}, {@code Invalid}) a permanent
 *       {@code EMAIL_BOUNCE} ({@code bounceType} {@code dropped});
 *   <li>{@code spamreport}: {@code EMAIL_COMPLAINT};
 *   <li>{@code open}, {@code click} (with {@code url}): {@code EMAIL_OPEN}, {@code EMAIL_CLICK} with
 *       the {@code useragent}, judged by the interaction filter as tracked ones are;
 *   <li>anything else ({@code processed}, {@code delivered}, {@code deferred}, ...): ignored.
 * </ul>
 * The lead is the one the custom argument {@code deliveryId} (a Leadflow delivery) names, else the
 * one with the event's {@code email}. The external id is {@code sendgrid:} and the
 * {@code sg_event_id}, so a retried event counts once.
 */
@Component
class SendGridEvents {

  static final String DELIVERY_ID = "deliveryId";

  private final DeliveryRepository deliveries;

  SendGridEvents(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  /** The interaction an event means; empty for an event that means none. */
  Optional<InteractionRequest> interaction(JsonNode event) {
    String name = text(event, "event");
    if (name == null) {
      return Optional.empty();
    }
    InteractionRequest.Details details = new InteractionRequest.Details();
    details.setChannel("email");
    details.put("provider", "sendgrid");
    putIfPresent(details, "sgMessageId", text(event, "sg_message_id"));
    InteractionType type;
    switch (name.toLowerCase(Locale.ROOT)) {
      case "bounce" -> {
        type = InteractionType.EMAIL_BOUNCE;
        String bounceType = text(event, "type");
        details.put("bounceType", bounceType == null ? "bounce" : bounceType);
        putIfPresent(details, "status", text(event, "status"));
        putIfPresent(details, "reason", text(event, "reason"));
      }
      case "dropped" -> {
        String reason = text(event, "reason");
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (lower.contains("unsubscribe")) {
          return Optional.empty();
        }
        putIfPresent(details, "reason", reason);
        if (lower.contains("spam")) {
          type = InteractionType.EMAIL_COMPLAINT;
          details.put("feedbackType", "dropped: " + reason);
        } else {
          type = InteractionType.EMAIL_BOUNCE;
          details.put("bounceType", "dropped");
        }
      }
      case "spamreport" -> {
        type = InteractionType.EMAIL_COMPLAINT;
        details.put("feedbackType", "spamreport");
      }
      case "open" -> {
        type = InteractionType.EMAIL_OPEN;
        putIfPresent(details, "userAgent", userAgent(event));
      }
      case "click" -> {
        type = InteractionType.EMAIL_CLICK;
        details.setUrl(text(event, "url"));
        putIfPresent(details, "userAgent", userAgent(event));
      }
      default -> {
        return Optional.empty();
      }
    }
    String leadId = null;
    String deliveryId = text(event, DELIVERY_ID);
    Optional<Delivery> delivery = deliveryId == null || deliveryId.length() > 36
        ? Optional.empty() : deliveries.findById(deliveryId);
    if (delivery.isPresent()) {
      leadId = delivery.get().getLeadId();
      details.setContentId(delivery.get().getContentId());
      details.put("deliveryId", delivery.get().getId());
      if (delivery.get().getSentAt() != null) {
        details.put("sentAt", delivery.get().getSentAt().atOffset(ZoneOffset.UTC).toString());
      }
    }
    String eventId = text(event, "sg_event_id");
    return Optional.of(new InteractionRequest(leadId, leadId == null ? text(event, "email") : null, type,
        occurredAt(event), eventId == null ? null : "sendgrid:" + eventId, details));
  }

  /** {@code timestamp}: Unix seconds; absent or wrong: now (the intake's default). */
  private static OffsetDateTime occurredAt(JsonNode event) {
    JsonNode timestamp = event.get("timestamp");
    return timestamp != null && timestamp.canConvertToLong()
        ? Instant.ofEpochSecond(timestamp.asLong()).atOffset(ZoneOffset.UTC) : null;
  }

  /** A header may carry anything; interactions hold no control characters. */
  private static String userAgent(JsonNode event) {
    String agent = text(event, "useragent");
    if (agent == null) {
      return null;
    }
    String clean = agent.replaceAll("\\p{Cntrl}", "");
    return clean.length() <= 500 ? clean : clean.substring(0, 500);
  }

  private static void putIfPresent(InteractionRequest.Details details, String key, String value) {
    if (value != null) {
      details.put(key, value);
    }
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
