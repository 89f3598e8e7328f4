package io.leadflow.delivery;

/**
 * Where a delivery is: recorded and being sent, sent, failed (and retried with the same key), or
 * handed over without an answer (never retried by itself).
 */
public enum DeliveryStatus {
  /** Recorded before the email went out; the outcome is not known yet (or the sender crashed). */
  PENDING,
  /** The mail server accepted the email. */
  SENT,
  /** The mail server refused it or could not be reached; a send with the same key tries again. */
  FAILED,
  /**
   * The mail server took the whole email but its answer never came (a timeout or a lost
   * connection after the end of the message): it may have been delivered. A send with the same
   * key does not send it again; a person decides (docs/operations.md, "Outcome unknown").
   */
  UNKNOWN
}
