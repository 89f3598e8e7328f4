package io.leadflow.delivery;

/** Where a delivery is: recorded and being sent, sent, or failed (and retried with the same key). */
public enum DeliveryStatus {
  /** Recorded before the email went out; the outcome is not known yet (or the sender crashed). */
  PENDING,
  /** The mail server accepted the email. */
  SENT,
  /** The mail server refused it or could not be reached; a send with the same key tries again. */
  FAILED
}
