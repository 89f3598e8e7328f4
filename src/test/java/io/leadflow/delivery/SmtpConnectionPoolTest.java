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
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: each email opened its own SMTP connection (connect, greeting, EHLO, and in production
 * STARTTLS and AUTH) and committed three times, so the journey sent at the speed of the mail
 * server's handshake. Now the connections are kept between sends; one the server closed is
 * replaced without the lead noticing, and a message handed over without an answer is still never
 * sent again. SENT commits with the job, and is kept when the job's transaction rolls back.
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
  @Autowired EntityManager entityManager;

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
    return deliveryTo(server, endOfData, transactions);
  }

  ContentDelivery deliveryTo(StallingSmtpServer server, Duration endOfData, PlatformTransactionManager transactions) {
    sender = new PooledMailSender(new DeliveryProperties.Mail.Pool(null, null, null, null, null));
    sender.setHost("localhost");
    sender.setPort(server.port());
    Properties javaMail = new Properties();
    new DeliveryProperties.Mail.Timeouts(COMMAND, COMMAND, COMMAND, endOfData).applyTo(javaMail);
    sender.setSession(StagedSmtpTransport.session(javaMail));
    return new ContentDelivery(deliveries, leads, emails, sender, new MailServerFeatures(sender, deliveryProperties, clock),
        lifecycle, suppressions, transactions, entityManager, clock, event -> { });
  }

  /** The transactions a send begins and commits of its own (not the ones it joins). */
  static final class CountingTransactions implements PlatformTransactionManager {
    private final PlatformTransactionManager real;
    private final AtomicInteger ownCommits = new AtomicInteger();

    CountingTransactions(PlatformTransactionManager real) {
      this.real = real;
    }

    int ownCommits() {
      return ownCommits.get();
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
      return real.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) {
      if (status.isNewTransaction()) {
        ownCommits.incrementAndGet();
      }
      real.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) {
      real.rollback(status);
    }
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
  void anEmailSentInTheJobsTransactionCommitsOnceOfItsOwn_andTheJobsCommitRecordsItSent() throws Exception {
    Lead lead = fixture.lead("Cora", "Commits Ltd");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    CountingTransactions counted = new CountingTransactions(transactions);
    try (StallingSmtpServer server = new StallingSmtpServer(0, Duration.ZERO)) {
      ContentDelivery delivery = deliveryTo(server, Duration.ofSeconds(10), counted);

      new TransactionTemplate(transactions).executeWithoutResult(theJob -> {
        delivery.send(lead, guide, key);
        TransactionTemplate outside = new TransactionTemplate(transactions);
        outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        DeliveryStatus seenOutside = outside.execute(reading -> deliveries.findByDeliveryKey(key).orElseThrow().getStatus());
        assertThat(seenOutside).as("until the job commits").isEqualTo(DeliveryStatus.PENDING);
      });

      assertThat(counted.ownCommits()).as("the delivery recorded before SMTP; SENT goes with the job").isEqualTo(1);
      assertThat(delivery.find(key).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.SENT);
      assertThat(server.messages()).hasSize(1);
    }
  }

  @Test
  void aJobWhoseTransactionRollsBackAfterTheEmailWentOutFindsItSentOnItsRetry() throws Exception {
    Lead lead = fixture.lead("Rolf", "Rollback GmbH");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    try (StallingSmtpServer server = new StallingSmtpServer(0, Duration.ZERO)) {
      ContentDelivery delivery = deliveryTo(server, Duration.ofSeconds(10));

      assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(theJob -> {
        delivery.send(lead, guide, key);
        throw new IllegalStateException("the engine's commit failed (another node changed the process instance)");
      })).hasMessageContaining("the engine's commit failed");

      Delivery kept = delivery.find(key).orElseThrow();
      assertThat(kept.getStatus()).isEqualTo(DeliveryStatus.SENT);
      assertThat(kept.getAttempts()).isEqualTo(1);
      assertThat(kept.getMessageId()).isEqualTo("<" + kept.getId() + "@leadflow.example>");

      Delivery retried = delivery.send(lead, guide, key);
      assertThat(retried.getId()).isEqualTo(kept.getId());
      assertThat(server.messages()).as("the retry sends nothing").hasSize(1);
    }
  }

  @Test
  void aFailureSeenByAJobThatRollsBackIsKept() throws Exception {
    Lead lead = fixture.lead("Fay", "Failed Send Ltd");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    StallingSmtpServer gone = new StallingSmtpServer(0, Duration.ZERO);
    ContentDelivery delivery = deliveryTo(gone, Duration.ofSeconds(1));
    gone.close();

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(theJob ->
        delivery.send(lead, guide, key))).isInstanceOf(DeliveryFailed.class);

    Delivery failed = delivery.find(key).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(1);
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
