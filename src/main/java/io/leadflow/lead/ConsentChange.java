package io.leadflow.lead;

/**
 * How a consent change reached us, for its {@link ConsentRecord}: the channel ({@code API},
 * {@code IMPORT}, {@code DEMO}, {@code EMAIL_LINK}, {@code INTERACTION}, {@code PREFERENCE_CENTRE},
 * {@code CONFIRMATION_LINK}), the source the sender named, the text or its version agreed to, the
 * person's IP address and who sent it, each where known (null otherwise).
 */
public record ConsentChange(String channel, String source, String wording, String ipAddress, String recordedBy) {

  public static final String EMAIL_LINK = "EMAIL_LINK";
  public static final String INTERACTION = "INTERACTION";
  public static final String PREFERENCE_CENTRE = "PREFERENCE_CENTRE";
  public static final String CONFIRMATION_LINK = "CONFIRMATION_LINK";

  public ConsentChange {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("A consent change needs its channel");
    }
  }

  /** Through a channel alone, nothing else known. */
  public static ConsentChange through(String channel) {
    return new ConsentChange(channel, null, null, null, null);
  }
}
