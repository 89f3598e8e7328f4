package io.leadflow.delivery;

import io.leadflow.lead.EmailSuppressions;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.Leads;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A {@link ContentDelivery} wired as the context wires it (a {@link PooledMailSender} with the
 * default pool settings and {@link StagedSmtpTransport}), but sending to a test SMTP server with
 * short timeouts: commands answered within {@link #COMMAND}, the end of a message within the
 * given time. Made by {@code AutowireCapableBeanFactory.createBean}; {@link #close} closes the
 * connections it kept.
 */
final class DeliveryToTestServer implements AutoCloseable {

  /** The connect, greeting and command timeouts of these tests. */
  static final Duration COMMAND = Duration.ofSeconds(2);

  private final DeliveryProperties properties;
  private final LeadLifecycle lifecycle;
  private final EmailSuppressions suppressions;
  private final DeliveryRepository deliveries;
  private final Leads leads;
  private final ContentEmails emails;
  private final PlatformTransactionManager transactions;
  private final Clock clock;
  private final EntityManager entityManager;
  private final List<PooledMailSender> senders = new ArrayList<>();
  private PooledMailSender sender;

  DeliveryToTestServer(DeliveryProperties properties, LeadLifecycle lifecycle, EmailSuppressions suppressions,
      DeliveryRepository deliveries, Leads leads, ContentEmails emails, PlatformTransactionManager transactions,
      Clock clock, EntityManager entityManager) {
    this.properties = properties;
    this.lifecycle = lifecycle;
    this.suppressions = suppressions;
    this.deliveries = deliveries;
    this.leads = leads;
    this.emails = emails;
    this.transactions = transactions;
    this.clock = clock;
    this.entityManager = entityManager;
  }

  ContentDelivery to(StallingSmtpServer server, Duration endOfData) {
    return to(server, endOfData, transactions);
  }

  /** As {@link #to(StallingSmtpServer, Duration)}, its own transactions begun through {@code transactions}. */
  ContentDelivery to(StallingSmtpServer server, Duration endOfData, PlatformTransactionManager transactions) {
    sender = new PooledMailSender(new DeliveryProperties.Mail.Pool(null, null, null, null, null));
    sender.setHost("localhost");
    sender.setPort(server.port());
    Properties javaMail = new Properties();
    new DeliveryProperties.Mail.Timeouts(COMMAND, COMMAND, COMMAND, endOfData).applyTo(javaMail);
    sender.setSession(StagedSmtpTransport.session(javaMail));
    senders.add(sender);
    return new ContentDelivery(deliveries, leads, emails, sender, new MailServerFeatures(sender, properties, clock),
        lifecycle, suppressions, transactions, entityManager, clock, event -> { });
  }

  /** The connections the last sender keeps open now. */
  int openConnections() {
    return sender.openConnections();
  }

  @Override
  public void close() {
    senders.forEach(PooledMailSender::destroy);
    senders.clear();
  }
}
