package io.leadflow.delivery;

import java.nio.charset.StandardCharsets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A delivery's email, rendered: multipart/alternative with a text and an HTML part, the
 * one-click unsubscribe headers of RFC 8058, and a Message-ID derived from the delivery id, so
 * an email sent twice (see {@link ContentDelivery}) carries the same Message-ID both times.
 */
record OutgoingEmail(
    InternetAddress from, InternetAddress to, String subject, String text, String html, String unsubscribeUrl,
    String messageId) {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  void writeTo(MimeMessage message) throws MessagingException {
    message.setFrom(from);
    message.setRecipient(MimeMessage.RecipientType.TO, to);
    message.setSubject(subject, UTF_8);
    // Spring's JavaMailSender keeps a Message-ID that is set before sending
    message.setHeader("Message-ID", messageId);
    message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, UTF_8, "plain");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html, UTF_8, "html");
    // the part the sender prefers comes last
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    message.setContent(alternative);
  }
}
