package io.leadflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded run's own mail server: GreenMail on 127.0.0.1, which Leadflow sends to (see
 * {@link MailboxDefaults} for when), and what it received, for the mailbox page
 * ({@link MailboxPage}). Nothing leaves the machine; the emails are kept in memory (a restart
 * forgets them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = MailboxDefaults.ENABLED, havingValue = "true")
class EmbeddedMailbox {

  static final String HOST = "127.0.0.1";

  @Bean(destroyMethod = "stop")
  GreenMail embeddedMailServer(@Value("${" + MailboxDefaults.SMTP_PORT + "}") int port) {
    GreenMail server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  @Bean
  Mailbox sentEmails(GreenMail embeddedMailServer) {
    return new Mailbox(embeddedMailServer);
  }

  /** One email as it arrived: who from and to, when, its subject, and its text and HTML parts. */
  record Email(String id, String from, String to, Instant sentAt, String subject, String text, String html) {}

  /** What the embedded mail server received, newest first. */
  static final class Mailbox {

    private final GreenMail server;

    Mailbox(GreenMail server) {
      this.server = server;
    }

    List<Email> emails() {
      return Arrays.stream(server.getReceivedMessages())
          .map(Mailbox::read)
          .flatMap(Optional::stream)
          .sorted(Comparator.comparing(Email::sentAt, Comparator.nullsLast(Comparator.reverseOrder())))
          .toList();
    }

    /** An email by its id (its Message-ID without the angle brackets). */
    Optional<Email> email(String id) {
      return emails().stream().filter(email -> email.id().equals(id)).findFirst();
    }

    private static Optional<Email> read(MimeMessage message) {
      try {
        String messageId = message.getMessageID();
        if (messageId == null) {
          return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        collect(message, texts, htmls);
        return Optional.of(new Email(
            messageId.replaceAll("^<|>$", ""),
            addresses(message.getFrom()),
            addresses(message.getRecipients(Message.RecipientType.TO)),
            message.getSentDate() == null ? null : message.getSentDate().toInstant(),
            message.getSubject() == null ? "" : message.getSubject(),
            texts.isEmpty() ? null : texts.get(0),
            htmls.isEmpty() ? null : htmls.get(0)));
      } catch (MessagingException | IOException e) {
        return Optional.empty();
      }
    }

    private static void collect(Part part, List<String> texts, List<String> htmls) throws MessagingException, IOException {
      if (part.isMimeType("text/plain")) {
        texts.add(part.getContent().toString());
      } else if (part.isMimeType("text/html")) {
        htmls.add(part.getContent().toString());
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, texts, htmls);
        }
      }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
      if (addresses == null) {
        return "";
      }
      return Arrays.stream(addresses)
          .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
          .collect(Collectors.joining(", "));
    }
  }
}
