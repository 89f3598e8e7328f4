package io.leadflow.delivery;

import io.leadflow.content.Channel;
import io.leadflow.content.ContentItem;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import io.leadflow.lead.EmailAddress;
import io.leadflow.lead.EmailSuppressions;
import io.leadflow.lead.LeadLifecycle;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends content to leads by email, once per delivery key.
 *
 * <p>The caller is a Camunda job: it runs at least once, and its transaction may roll back after
 * the email went out. A send has two steps:
 * <ol>
 *   <li>the delivery is recorded as PENDING under its key, in a transaction of its own
 *       (REQUIRES_NEW) that commits before the mail server is contacted (a key already SENT: it is
 *       returned and nothing is sent; UNKNOWN: {@link DeliveryOutcomeUnknown}; PENDING or FAILED:
 *       it is tried again). So the delivery's id, and with it the email's {@code Message-ID}, is
 *       the same for every try;
 *   <li>in the caller's transaction (the job's; a transaction of its own when the caller has
 *       none) the delivery's row is locked and re-read, the email rendered and handed to the mail
 *       server ({@link JavaMailSender}, connections kept by {@link PooledMailSender}), and the
 *       delivery marked SENT (sent at, Message-ID, attempts). It commits with the job: one commit
 *       fewer per email than a transaction of its own;
 *   <li>if the mail server refuses or cannot be reached (or the content's template does not
 *       render), the delivery is marked FAILED (attempts, last error) instead and
 *       {@link DeliveryFailed} is thrown: the job fails, is retried, ends as an incident, and a
 *       later send with the same key sends it;
 *   <li>if it fails on the lead's address itself (the mail sender cannot write it, the mail server
 *       refuses the recipient for good), the delivery is FAILED, the lead is marked not emailable
 *       ({@code INVALID_ADDRESS}, {@link LeadLifecycle#emailAddressRefused}, in a transaction of
 *       its own), and {@link EmailAddressRefused} is thrown: permanent, nothing to retry.
 * </ol>
 * <b>What the mail server did is kept whatever the job's transaction does.</b> Each outcome of the
 * second step (SENT, FAILED, UNKNOWN) is also recorded again, in a transaction of its own, when
 * the caller's transaction rolls back (a failed job, the engine's optimistic lock, a commit that
 * fails): the row is still PENDING then, and becomes what the mail server answered. So a job that
 * fails after the email went out finds it SENT on its retry and sends nothing; a failure or an
 * unknown outcome is kept although the job that saw it throws. Two sends of one key at the same
 * time (a job run twice because its lock expired) queue on the delivery's row: the second finds
 * it SENT.
 *
 * <p><b>The remaining window:</b> if Leadflow stops (or the database fails) after the mail server
 * accepted the email and before SENT is committed (the job's commit, or the record after its
 * rollback), the delivery stays PENDING and the job's retry sends the email once more; so does a
 * mail server that accepted the email but whose answer was lost (FAILED). So does a second run of
 * the same job that was waiting on the row at the moment the first one's transaction rolled back,
 * before SENT was recorded again (the lock time makes a second run rare: docs/operations.md, "Lock
 * time"). Both emails carry the same {@code Message-ID} ({@code <delivery id@sender's domain>}),
 * so mail clients and servers can tell the duplicate. Closing it would take a mail server that
 * deduplicates, as SMTP has no transactions.
 *
 * <p>The caller must not hold the lead's row locked ({@code Leads.lock}) while it
 * sends: recording the delivery checks the lead's key from another transaction and would wait for
 * it. A send holds a second database connection while it records the delivery, and the caller's
 * holds the delivery's row while it talks to the mail server, so the mail timeouts
 * ({@code leadflow.mail.timeouts.*}) bound that time.
 */
@Service
public class ContentDelivery {

  private static final Logger log = LoggerFactory.getLogger(ContentDelivery.class);
  private static final int MAX_KEY = 200;

  private final DeliveryRepository deliveries;
  private final Leads leads;
  private final ContentEmails emails;
  private final JavaMailSender mail;
  private final MailServerFeatures mailServer;
  private final LeadLifecycle lifecycle;
  private final EmailSuppressions suppressions;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate callersTransaction;
  private final EntityManager entityManager;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ContentDelivery(DeliveryRepository deliveries, Leads leads, ContentEmails emails, JavaMailSender mail,
      MailServerFeatures mailServer, LeadLifecycle lifecycle, EmailSuppressions suppressions,
      PlatformTransactionManager transactions, EntityManager entityManager, Clock clock,
      ApplicationEventPublisher events) {
    this.suppressions = suppressions;
    this.deliveries = deliveries;
    this.leads = leads;
    this.emails = emails;
    this.mail = mail;
    this.mailServer = mailServer;
    this.lifecycle = lifecycle;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.callersTransaction = new TransactionTemplate(transactions);
    this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    this.entityManager = entityManager;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Sends {@code content} to {@code lead} by email, exactly once per {@code deliveryKey} (but see
   * the window in the class comment).
   *
   * @return the delivery, SENT
   * @throws DeliveryFailed when the email could not be sent now; the delivery is FAILED, and a
   *     send with the same key tries again
   * @throws IllegalStateException when the lead must not be contacted (unsubscribed,
   *     disqualified, or consent not given; {@link RecipientSuppressed} when its address is on
   *     the suppression list); nothing is recorded
   * @throws IllegalArgumentException for content of another channel than EMAIL, or a key already
   *     used for another lead or content
   */
  public Delivery send(Lead lead, ContentItem content, String deliveryKey) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(content, "content");
    if (deliveryKey == null || deliveryKey.isBlank() || deliveryKey.length() > MAX_KEY) {
      throw new IllegalArgumentException("A delivery key is required (at most " + MAX_KEY + " characters): " + deliveryKey);
    }
    if (content.getChannel() != Channel.EMAIL) {
      throw new IllegalArgumentException(
          "Only EMAIL content is delivered; " + content.getId() + " is for " + content.getChannel());
    }
    Delivery recorded = recordPending(lead, content, deliveryKey);
    if (recorded.getStatus() == DeliveryStatus.SENT) {
      return recorded;
    }
    if (recorded.getStatus() == DeliveryStatus.UNKNOWN) {
      throw outcomeUnknown(recorded, lead, content, null);
    }
    Attempt attempt = callersTransaction.execute(status -> attempt(recorded.getId(), lead, content));
    if (attempt.delivery().getStatus() == DeliveryStatus.UNKNOWN) {
      throw outcomeUnknown(attempt.delivery(), lead, content, attempt.failure());
    }
    if (attempt.addressRefused()) {
      throw new EmailAddressRefused(recorded.getId(), "Email " + recorded.getId() + " (" + content.getId() + " to lead "
          + lead.getId() + ") was not sent, and no email will be: " + attempt.delivery().getLastError(), attempt.failure());
    }
    if (attempt.failure() != null) {
      throw new DeliveryFailed(recorded.getId(), "Email " + recorded.getId() + " (" + content.getId() + " to lead "
          + lead.getId() + ", key " + deliveryKey + ") was not sent: " + attempt.delivery().getLastError(),
          attempt.failure());
    }
    return attempt.delivery();
  }

  private static DeliveryOutcomeUnknown outcomeUnknown(Delivery delivery, Lead lead, ContentItem content, Exception cause) {
    return new DeliveryOutcomeUnknown(delivery.getId(), "Email " + delivery.getId() + " (" + content.getId() + " to lead "
        + lead.getId() + ", key " + delivery.getDeliveryKey() + ") was handed to the mail server, which did not answer: "
        + "it may have been delivered, so it is not sent again. Ask the mail server's log for Message-ID "
        + delivery.getMessageId() + ", then decide (docs/operations.md, \"Outcome unknown\"). " + delivery.getLastError(),
        cause);
  }

  public Optional<Delivery> find(String deliveryKey) {
    return deliveries.findByDeliveryKey(deliveryKey);
  }

  /** When the mail server last took an email to the lead, if it ever did: what a chosen frequency counts from. */
  public Optional<Instant> lastSentAt(String leadId) {
    return Optional.ofNullable(deliveries.lastSentAt(leadId));
  }

  /** When the lead's emails were sent after a time, oldest first: what a frequency cap counts. */
  public List<Instant> sentAfter(String leadId, Instant after) {
    return deliveries.sentAfter(leadId, after);
  }

  /**
   * The content ever chosen for the lead: sent, being sent or failed. A journey must not pick it
   * again.
   */
  public Set<String> sentContentIds(String leadId) {
    return Set.copyOf(deliveries.contentIdsOf(leadId));
  }

  /** What one attempt to send came to: the delivery, why it failed if it did, and whether for the address itself. */
  private record Attempt(Delivery delivery, Exception failure, boolean addressRefused) {

    Attempt(Delivery delivery, Exception failure) {
      this(delivery, failure, false);
    }
  }

  private Delivery recordPending(Lead lead, ContentItem content, String deliveryKey) {
    try {
      return ownTransaction.execute(status -> pending(lead, content, deliveryKey));
    } catch (DataIntegrityViolationException recordedAtTheSameMoment) {
      // another send of this key inserted it first: take that one (it is locked until it is done)
      return ownTransaction.execute(status -> pending(lead, content, deliveryKey));
    }
  }

  private Delivery pending(Lead lead, ContentItem content, String deliveryKey) {
    Optional<Delivery> known = deliveries.lockByDeliveryKey(deliveryKey);
    if (known.isPresent()) {
      Delivery delivery = known.get();
      if (!delivery.getLeadId().equals(lead.getId()) || !delivery.getContentId().equals(content.getId())) {
        throw new IllegalArgumentException("Delivery key " + deliveryKey + " was used for " + delivery.getContentId()
            + " to lead " + delivery.getLeadId() + ", not for " + content.getId() + " to lead " + lead.getId());
      }
      if (delivery.getStatus() == DeliveryStatus.SENT || delivery.getStatus() == DeliveryStatus.UNKNOWN) {
        return delivery;
      }
      requireContactAllowed(lead);
      delivery.retrying();
      return delivery;
    }
    requireContactAllowed(lead);
    Delivery delivery = new Delivery(lead.getId(), content.getId(), Channel.EMAIL, deliveryKey, clock.instant());
    deliveries.saveAndFlush(delivery);
    return delivery;
  }

  /**
   * The lead as the caller has it and as it is stored now: neither may say "do not contact", and
   * its address must not be on the suppression list (checked by every send, whoever asks).
   */
  private void requireContactAllowed(Lead lead) {
    Lead stored = leads.find(lead.getId())
        .orElseThrow(() -> new IllegalStateException("Lead " + lead.getId() + " is not stored"));
    Optional<String> suppressed = suppressions.reasonFor(stored.getEmail());
    if (suppressed.isPresent()) {
      throw new RecipientSuppressed(lead.getId(), suppressed.get());
    }
    for (Lead version : List.of(lead, stored)) {
      if (!version.mayBeContacted()) {
        throw new IllegalStateException("Lead " + lead.getId() + " must not be contacted: status " + version.getStatus()
            + ", consent " + version.getConsentGiven() + ", email bounced " + (version.getEmailBouncedAt() != null));
      }
    }
  }

  private Attempt attempt(String deliveryId, Lead lead, ContentItem content) {
    Delivery delivery = deliveries.lockById(deliveryId).orElseThrow();
    // the caller's transaction may have read it before the lock (a journey asks for its key first)
    entityManager.refresh(delivery);
    if (delivery.getStatus() == DeliveryStatus.SENT || delivery.getStatus() == DeliveryStatus.UNKNOWN) {
      return new Attempt(delivery, null);
    }
    String subject = null;
    String messageId = null;
    try {
      String to = sendableAddress(lead.getEmail());
      OutgoingEmail email = emails.render(lead, to, content, delivery.getId());
      subject = email.subject();
      messageId = email.messageId();
      MimeMessage message = mail.createMimeMessage();
      email.writeTo(message);
      mail.send(message);
      String sentSubject = subject;
      String sentMessageId = messageId;
      Instant sentAt = clock.instant();
      delivery.sent(sentSubject, sentMessageId, sentAt);
      keptIfRolledBack(deliveryId, kept -> kept.sent(sentSubject, sentMessageId, sentAt));
      attempted(delivery);
      log.info("Sent {} to lead {} (delivery {}, key {})", content.getId(), lead.getId(), deliveryId,
          delivery.getDeliveryKey());
      return new Attempt(delivery, null);
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      String failedSubject = subject;
      if (handedOverWithoutAnswer(e)) {
        String unknownMessageId = messageId;
        String error = describe(e);
        delivery.outcomeUnknown(failedSubject, unknownMessageId, error);
        keptIfRolledBack(deliveryId, kept -> kept.outcomeUnknown(failedSubject, unknownMessageId, error));
        attempted(delivery);
        log.error("Outcome unknown: {} to lead {} (delivery {}, Message-ID {}) was handed over, the mail server did not "
            + "answer; not sent again until someone decides: {}", content.getId(), lead.getId(), deliveryId, messageId,
            delivery.getLastError());
        return new Attempt(delivery, e);
      }
      if (addressRefused(e)) {
        // permanent: trying again cannot help, so the lead is not emailed any more (INVALID_ADDRESS)
        String error = "The address was refused: " + describe(e);
        delivery.failed(failedSubject, error);
        keptIfRolledBack(deliveryId, kept -> kept.failed(failedSubject, error));
        attempted(delivery);
        ownTransaction.executeWithoutResult(status -> lifecycle.emailAddressRefused(lead.getId()));
        log.warn("Lead {}'s address was refused (delivery {}): {}; the lead is no longer emailed", lead.getId(),
            deliveryId, delivery.getLastError());
        return new Attempt(delivery, e, true);
      }
      // the mail server refused or was not there (MailException), or a template did not render
      String error = describe(e);
      delivery.failed(failedSubject, error);
      keptIfRolledBack(deliveryId, kept -> kept.failed(failedSubject, error));
      attempted(delivery);
      log.warn("Could not send {} to lead {} (delivery {}, attempt {}): {}", content.getId(), lead.getId(), deliveryId,
          delivery.getAttempts(), delivery.getLastError());
      return new Attempt(delivery, e);
    }
  }

  /**
   * Records {@code outcome} again, in a transaction of its own, if the caller's transaction rolls
   * back: on a row still PENDING (what the rollback left), never over what another send recorded since.
   */
  private void keptIfRolledBack(String deliveryId, Consumer<Delivery> outcome) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
          return;
        }
        try {
          ownTransaction.executeWithoutResult(recording -> deliveries.lockById(deliveryId)
              .filter(delivery -> delivery.getStatus() == DeliveryStatus.PENDING)
              .ifPresent(outcome));
          log.info("The transaction that sent delivery {} rolled back; what the mail server answered is kept", deliveryId);
        } catch (RuntimeException e) {
          log.error("The transaction that sent delivery {} rolled back, and what the mail server answered could not be "
              + "recorded: it stays PENDING and a retry sends it again", deliveryId, e);
        }
      }
    });
  }

  private void attempted(Delivery delivery) {
    events.publishEvent(new DeliveryAttempted(delivery.getLeadId(), delivery.getContentId(), delivery.getStatus()));
  }

  /** The mail server took the whole message and then did not answer (StagedSmtpTransport tells). */
  private static boolean handedOverWithoutAnswer(Exception e) {
    if (e instanceof MailSendException failed
        && failed.getFailedMessages().values().stream().anyMatch(StagedSmtpTransport.OutcomeUnknown.class::isInstance)) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StagedSmtpTransport.OutcomeUnknown) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lead's address as it is sent to: its canonical form (a lead stored before the address
   * rules gets the same form as a new one). An address that is none, that the mail sender cannot
   * write, or whose local part needs SMTPUTF8 from a mail server that does not offer it, is refused.
   */
  private String sendableAddress(String stored) throws AddressException {
    EmailAddress.Parsed parsed = EmailAddress.parse(stored);
    if (!parsed.valid()) {
      throw new AddressException("'" + stored + "' " + parsed.problem(), stored);
    }
    if (parsed.unicodeLocalPart() && Boolean.FALSE.equals(mailServer.deliverable())) {
      throw new AddressException("the mail server does not offer SMTPUTF8, which '" + stored + "' needs", stored);
    }
    new InternetAddress(parsed.canonical(), true).validate();
    return parsed.canonical();
  }

  /**
   * Whether sending failed on the recipient's address itself: the mail sender could not write it
   * ({@link AddressException}), or the mail server refused the recipient for good (5xx on RCPT).
   * Temporary refusals (4xx) and a refused sender are not.
   */
  static boolean addressRefused(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof AddressException) {
        return true;
      }
      if (e instanceof SMTPAddressFailedException refused) {
        return refused.getReturnCode() >= 500;
      }
      if (e instanceof SendFailedException failed && !(e instanceof SMTPSenderFailedException)
          && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0
          && (failed.getValidSentAddresses() == null || failed.getValidSentAddresses().length == 0)
          && (failed.getValidUnsentAddresses() == null || failed.getValidUnsentAddresses().length == 0)) {
        return true;
      }
      if (e instanceof MailSendException send
          && send.getFailedMessages().values().stream().anyMatch(ContentDelivery::addressRefused)) {
        return true;
      }
      if (e instanceof MessagingException messaging && messaging.getNextException() != null
          && messaging.getNextException() != messaging.getCause()) {
        if (addressRefused(messaging.getNextException())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Exception e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    String what = e.getClass().getSimpleName() + ": " + e.getMessage();
    return cause == e ? what : what + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
  }
}
