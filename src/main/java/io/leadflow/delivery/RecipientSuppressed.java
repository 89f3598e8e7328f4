package io.leadflow.delivery;

/**
 * A send refused before anything was recorded: the lead's address is on the suppression list
 * (a hard bounce, a complaint). Permanent: nothing to retry.
 */
public class RecipientSuppressed extends IllegalStateException {

  private final String reason;

  public RecipientSuppressed(String leadId, String reason) {
    super("Lead " + leadId + "'s address is on the suppression list (" + reason + "): nothing is sent to it");
    this.reason = reason;
  }

  /** {@code HARD_BOUNCE} or {@code COMPLAINT}. */
  public String reason() {
    return reason;
  }
}
