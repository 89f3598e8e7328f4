package io.leadflow.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The senders whose event webhooks Leadflow takes ({@code leadflow.delivery-events.*},
 * docs/configuration.md): {@code POST /api/delivery-events/{provider}}.
 *
 * @param sendgrid SendGrid's Event Webhook, signed (its "Signed Event Webhook" setting)
 */
@ConfigurationProperties("leadflow.delivery-events")
public record DeliveryEventSettings(SendGrid sendgrid) {

  public DeliveryEventSettings {
    sendgrid = sendgrid == null ? new SendGrid(null, null) : sendgrid;
  }

  /**
   * @param publicKey the verification key SendGrid shows for the signed webhook (base64 of the
   *     P-256 public key, as SendGrid gives it); none: the webhook is off (404)
   * @param maxAge how old a request's signed timestamp may be (default 10 minutes): an event
   *     captured on the way cannot be replayed later
   */
  public record SendGrid(String publicKey, Duration maxAge) {

    public SendGrid {
      publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey.trim();
      maxAge = maxAge == null ? Duration.ofMinutes(10) : maxAge;
    }
  }
}
