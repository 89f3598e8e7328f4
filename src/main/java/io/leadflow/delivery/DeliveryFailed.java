package io.leadflow.delivery;

/**
 * The email of a delivery could not be sent (mail server down or refusing, or the content's
 * template does not render). The delivery is FAILED with the reason; sending again with the same
 * delivery key tries again. Thrown so a Camunda job fails, is retried and ends as an incident.
 */
public class DeliveryFailed extends RuntimeException {

  private final String deliveryId;

  DeliveryFailed(String deliveryId, String message, Throwable cause) {
    super(message, cause);
    this.deliveryId = deliveryId;
  }

  public String getDeliveryId() {
    return deliveryId;
  }
}
