package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
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

  @LocalServerPort int port;
  @Autowired AutowireCapableBeanFactory beans;
  @Autowired Leads leads;
  @Autowired DeliveryRepository deliveries;
  @Autowired ContentItemRepository contents;
  @Autowired PlatformTransactionManager transactions;

  DeliveryFixture fixture;
  DeliveryToTestServer testServer;

  @BeforeEach
  void setUp() {
    fixture = new DeliveryFixture(Api.at(port).as("mia", "demo"), leads, contents);
    testServer = beans.createBean(DeliveryToTestServer.class);
  }

  @AfterEach
  void closeConnections() {
    testServer.close();
  }

  ContentDelivery deliveryTo(StallingSmtpServer server, Duration endOfData) {
    return testServer.to(server, endOfData);
  }

  ContentDelivery deliveryTo(StallingSmtpServer server, Duration endOfData, PlatformTransactionManager transactions) {
    return testServer.to(server, endOfData, transactions);
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
      assertThat(testServer.openConnections()).as("kept for the next send").isEqualTo(1);
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
      assertThat(testServer.openConnections()).isEqualTo(1);
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
  void aMessageHandedOverOnAKeptConnectionWithoutAnAnswerIsNotSentAgainOverAnotherConnection() throws Exception {
    ContentItem guide = fixture.guide();
    try (StallingSmtpServer server = new StallingSmtpServer(0, Duration.ZERO)) {
      ContentDelivery delivery = deliveryTo(server, Duration.ofSeconds(1));
      delivery.send(fixture.lead("Kit", "Kept Connection Ltd"), guide, DeliveryFixture.key());
      assertThat(testServer.openConnections()).as("kept for the next send").isEqualTo(1);
      // the next message is taken, and its answer never comes: a reused connection, so a lost
      // one would be tried again over another, but this one may have been delivered
      server.hangAfterEachMessageFromNow();
      String key = DeliveryFixture.key();

      assertThatThrownBy(() -> delivery.send(fixture.lead("Una", "Unanswered Ltd"), guide, key))
          .isInstanceOf(DeliveryOutcomeUnknown.class);

      assertThat(delivery.find(key).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.UNKNOWN);
      assertThat(server.messages()).as("the first and the unanswered one, once").hasSize(2);
      assertThat(server.connections()).as("no second connection for the unanswered message").isEqualTo(1);
      assertThat(testServer.openConnections()).as("a connection in an unknown state is not kept").isZero();
    }
  }
}
