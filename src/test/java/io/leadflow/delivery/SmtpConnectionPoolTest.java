package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 13: each email opened its own SMTP connection (connect, greeting, EHLO, and in production
 * STARTTLS and AUTH), so the journey sent at the speed of the mail server's handshake. Now the
 * connections are kept between sends; one the server closed is replaced without the lead noticing,
 * and a message handed over without an answer is still never sent again.
 */
@LeadflowTest
class SmtpConnectionPoolTest {

  static final Duration COMMAND = Duration.ofSeconds(2);

  @LocalServerPort int port;
  @Autowired DeliveryProperties deliveryProperties;
  @Autowired LeadLifecycle lifecycle;
  @Autowired io.leadflow.lead.EmailSuppressions suppressions;
  @Autowired DeliveryRepository deliveries;
  @Autowired Leads leads;
  @Autowired ContentEmails emails;
  @Autowired ContentItemRepository contents;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  DeliveryFixture fixture;
  PooledMailSender sender;

  @BeforeEach
  void setUp() {
    fixture = new DeliveryFixture(Api.at(port).as("mia", "demo"), leads, contents);
  }

  @AfterEach
  void closeConnections() {
    if (sender != null) {
      sender.destroy();
    }
  }

  /** The context's kind of sender (pooled, StagedSmtpTransport) with the default pool settings, to {@code server}. */
  ContentDelivery deliveryTo(StallingSmtpServer server, Duration endOfData) {
    sender = new PooledMailSender(new DeliveryProperties.Mail.Pool(null, null, null, null, null));
    sender.setHost("localhost");
    sender.setPort(server.port());
    Properties javaMail = new Properties();
    new DeliveryProperties.Mail.Timeouts(COMMAND, COMMAND, COMMAND, endOfData).applyTo(javaMail);
    sender.setSession(StagedSmtpTransport.session(javaMail));
    return new ContentDelivery(deliveries, leads, emails, sender, new MailServerFeatures(sender, deliveryProperties, clock),
        lifecycle, suppressions, transactions, clock, event -> { });
  }

  @Test
  void tenEmailsToTenLeadsGoOverOneConnection() throws Exception {
    ContentItem guide = fixture.guide();
    try (StallingSmtpServer server = new StallingSmtpServer(0, Duration.ZERO)) {
      ContentDelivery delivery = deliveryTo(server, Duration.ofSeconds(10));

      for (int lead = 1; lead <= 10; lead++) {
        Delivery sent = delivery.send(fixture.lead("Lee" + lead, "Pool " + lead + " Ltd"), guide, DeliveryFixture.key());
        assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
      }

      assertThat(server.messages()).hasSize(10);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(sender.openConnections()).as("kept for the next send").isEqualTo(1);
    }
  }

  @Test
  void aConnectionTheServerClosedIsReplacedAndTheEmailSentOnce() throws Exception {
    ContentItem guide = fixture.guide();
    Lead first = fixture.lead("Cleo", "Kept Connection Ltd");
    Lead second = fixture.lead("Dan", "Dropped Connection Ltd");
    try (StallingSmtpServer server = new StallingSmtpServer(0, Duration.ZERO)) {
      ContentDelivery delivery = deliveryTo(server, Duration.ofSeconds(10));
      delivery.send(first, guide, DeliveryFixture.key());

      // the kept connection passes its check (NOOP) and is gone when the email is sent over it
      server.closeAfterNextNoop();
      Delivery sent = delivery.send(second, guide, DeliveryFixture.key());

      assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
      assertThat(sent.getAttempts()).as("one attempt for the lead: the connection was replaced within it").isEqualTo(1);
      assertThat(server.messages()).hasSize(2);
      assertThat(server.messages().get(1)).contains(sent.getMessageId());
      assertThat(server.connections()).isEqualTo(2);
      assertThat(sender.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void aMessageHandedOverWithoutAnAnswerIsNotSentAgainOverAnotherConnection() throws Exception {
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    try (StallingSmtpServer silent = new StallingSmtpServer(0, null)) {
      ContentDelivery delivery = deliveryTo(silent, Duration.ofSeconds(1));

      assertThatThrownBy(() -> delivery.send(fixture.lead("Una", "Unanswered Ltd"), guide, key))
          .isInstanceOf(DeliveryOutcomeUnknown.class);

      assertThat(delivery.find(key).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.UNKNOWN);
      assertThat(silent.messages()).hasSize(1);
      assertThat(silent.connections()).isEqualTo(1);
      assertThat(sender.openConnections()).as("a connection in an unknown state is not kept").isZero();
    }
  }
}
