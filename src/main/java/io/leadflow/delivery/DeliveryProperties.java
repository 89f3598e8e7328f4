package io.leadflow.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email delivery settings: {@code leadflow.mail.from} (who emails come from) and
 * {@code leadflow.tracking.secret} (the key tracking links are signed with; the postgres profile
 * requires one from {@code LEADFLOW_TRACKING_SECRET}, see ProductionCredentialsGuard).
 */
@Validated
@ConfigurationProperties("leadflow")
public record DeliveryProperties(@Valid Mail mail, @NotNull @Valid Tracking tracking) {

  public DeliveryProperties {
    mail = mail == null ? new Mail(null, null) : mail;
  }

  /**
   * {@code from}: an address with an optional name, e.g. {@code Leadflow <hello@leadflow.example>};
   * {@code smtputf8}: whether the mail server takes addresses with letters beyond ASCII before the
   * {@code @} (SMTPUTF8, RFC 6531); unset: the mail server is asked (EHLO) and its answer kept
   * for ten minutes.
   */
  public record Mail(String from, Boolean smtputf8) {

    public static final String DEFAULT_FROM = "Leadflow <hello@leadflow.example>";

    public Mail {
      from = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
      address(from);
    }

    /** The sender as an address (with its name, if {@code from} has one). */
    public InternetAddress address() {
      return address(from);
    }

    /** How the sender is named to people: its name, or its address without one. */
    public String senderName() {
      InternetAddress address = address();
      return address.getPersonal() != null ? address.getPersonal() : address.getAddress();
    }

    private static InternetAddress address(String from) {
      try {
        InternetAddress[] addresses = InternetAddress.parse(from, true);
        if (addresses.length != 1) {
          throw new AddressException("exactly one address expected", from);
        }
        return addresses[0];
      } catch (AddressException e) {
        throw new IllegalArgumentException(
            "leadflow.mail.from must be one email address, such as " + DEFAULT_FROM + ": " + from, e);
      }
    }
  }

  /** {@code secret}: the HMAC-SHA256 key of tracking links. Changing it breaks the links already sent. */
  public record Tracking(@NotBlank String secret) {}
}
