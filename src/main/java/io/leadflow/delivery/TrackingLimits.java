package io.leadflow.delivery;

import io.leadflow.RateLimit;
import io.leadflow.delivery.TrackingLinks.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How often the public tracking links may be requested ({@code leadflow.tracking.limits}): per
 * client address (any {@code /t/} request, valid or not, before anything is looked up) and per
 * link (a delivery's click, open or unsubscribe link, once its signature is checked). The client
 * address is the request's remote address (a trusted proxy's {@code X-Forwarded-For} when
 * configured: docs/security.md).
 */
@Component
class TrackingLimits {

  private final RateLimit perAddress;
  private final RateLimit perLink;

  TrackingLimits(DeliveryProperties properties, Clock clock) {
    DeliveryProperties.Limits limits = properties.tracking().limits();
    this.perAddress = new RateLimit(limits.perAddress(), limits.period(), clock);
    this.perLink = new RateLimit(limits.perLink(), limits.period(), clock);
  }

  /** Counts a request from this address: empty when within the limit, else how long to wait. */
  Optional<Duration> fromAddress(String address) {
    return perAddress.take(address);
  }

  /** Counts a request of this link: empty when within the limit, else how long to wait. */
  Optional<Duration> ofLink(String deliveryId, Kind kind) {
    return perLink.take(kind.name() + ":" + deliveryId);
  }
}
