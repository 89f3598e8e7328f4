package io.leadflow.delivery;

/**
 * The email of a delivery was handed over but the mail server's answer never came: it may have
 * been delivered. The delivery is UNKNOWN and is not sent again by a send with the same key (that
 * throws this again, without contacting the mail server). A person decides (docs/operations.md,
 * "Outcome unknown"); the journey's job becomes an incident at once instead of being retried.
 */
public class DeliveryOutcomeUnknown extends RuntimeException {

  private final String deliveryId;

  DeliveryOutcomeUnknown(String deliveryId, String message, Throwable cause) {
    super(message, cause);
    this.deliveryId = deliveryId;
  }

  public String getDeliveryId() {
    return deliveryId;
  }
}
