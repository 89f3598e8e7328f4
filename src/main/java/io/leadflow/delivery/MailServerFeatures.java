package io.leadflow.delivery;

import io.leadflow.lead.UnicodeMailboxes;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * What the mail server can do, as far as capture needs to know: whether it offers SMTPUTF8, so a
 * lead whose address has letters beyond ASCII before the {@code @} can be emailed. Set by
 * {@code leadflow.mail.smtputf8}, or asked of the mail server (EHLO) and kept for
 * {@link #KEPT}; unknown while the mail server cannot be reached.
 */
@Component
class MailServerFeatures implements UnicodeMailboxes {

  private static final Logger log = LoggerFactory.getLogger(MailServerFeatures.class);
  static final Duration KEPT = Duration.ofMinutes(10);

  private final JavaMailSender mail;
  private final Boolean configured;
  private final Clock clock;
  private volatile Boolean offered;
  private volatile Instant askedAt = Instant.MIN;

  MailServerFeatures(JavaMailSender mail, DeliveryProperties properties, Clock clock) {
    this.mail = mail;
    this.configured = properties.mail().smtputf8();
    this.clock = clock;
  }

  @Override
  public Boolean deliverable() {
    if (configured != null) {
      return configured;
    }
    Instant now = clock.instant();
    if (offered == null || askedAt.plus(KEPT).isBefore(now)) {
      Boolean answer = ask();
      if (answer != null) {
        offered = answer;
        askedAt = now;
      }
      return answer;
    }
    return offered;
  }

  private Boolean ask() {
    if (!(mail instanceof JavaMailSenderImpl sender)) {
      return null;
    }
    try (Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol())) {
      transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
      boolean smtputf8 = transport instanceof SMTPTransport smtp && smtp.supportsExtension("SMTPUTF8");
      log.info("The mail server {}:{} {} SMTPUTF8", sender.getHost(), sender.getPort(), smtputf8 ? "offers" : "does not offer");
      return smtputf8;
    } catch (MessagingException e) {
      log.warn("Could not ask the mail server {}:{} whether it offers SMTPUTF8: {}", sender.getHost(), sender.getPort(),
          e.getMessage());
      return null;
    }
  }
}
