package io.leadflow.delivery;

/**
 * A delivery failed on the lead's address itself: the mail sender cannot write it, or the mail
 * server refused the recipient for good. Permanent: the lead is marked not emailable
 * ({@code INVALID_ADDRESS}) and trying again cannot help, so a caller must not retry.
 */
public class EmailAddressRefused extends DeliveryFailed {

  EmailAddressRefused(String deliveryId, String message, Throwable cause) {
    super(deliveryId, message, cause);
  }
}
