package io.leadflow.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.lang.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's mail sender with its SMTP connections kept open between sends, in a pool
 * (Apache Commons Pool, {@code leadflow.mail.pool.*}, {@link DeliveryProperties.Mail.Pool}),
 * instead of one connection per email. The transport is still the session's
 * ({@link StagedSmtpTransport}, its timeouts by stage), and a send fails as Spring's does: a
 * {@link MailSendException} whose failed messages hold what JavaMail threw
 * ({@link StagedSmtpTransport.OutcomeUnknown} when the message was handed over without an answer).
 *
 * <ul>
 *   <li>a connection that was idle is asked first whether it is still there (NOOP); if not, it is
 *       closed and another one taken or opened;
 *   <li>a connection on which a send failed, in any way, is closed, never handed to the next send;
 *   <li>a send over a connection that had been used before, which finds it closed before the
 *       message was handed over (no reply at all, or {@code 421}, to MAIL, RCPT or DATA), is sent
 *       again over another connection: the server had nothing of it. Once the message was handed
 *       over it is never sent again here, whatever the failure;
 *   <li>a connection that carried {@code max-messages} emails, or stayed idle {@code idle-time},
 *       is closed (QUIT).
 * </ul>
 * Thread-safe; the pool is closed with the application context.
 */
class PooledMailSender extends JavaMailSenderImpl implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PooledMailSender.class);
  private static final int CONNECTION_LOST = -1;
  private static final int CLOSING_CHANNEL = 421;

  private final GenericObjectPool<Transport> pool;

  PooledMailSender(DeliveryProperties.Mail.Pool settings) {
    GenericObjectPoolConfig<Transport> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(settings.maxConnections());
    config.setMaxIdle(settings.maxConnections());
    config.setMinIdle(0);
    config.setMaxWait(settings.maxWait());
    config.setBlockWhenExhausted(true);
    config.setTestOnBorrow(true);
    config.setMinEvictableIdleDuration(settings.idleTime());
    config.setTimeBetweenEvictionRuns(settings.idleTime().dividedBy(2));
    config.setNumTestsPerEvictionRun(settings.maxConnections());
    config.setJmxEnabled(false);
    this.pool = new GenericObjectPool<>(new Connections(settings.maxMessages()), config);
  }

  /** Connections open now, in use or idle: what a test or a metric may look at. */
  int openConnections() {
    return pool.getNumActive() + pool.getNumIdle();
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, @Nullable Object[] originalMessages) {
    Map<Object, Exception> failed = new LinkedHashMap<>();
    for (int i = 0; i < mimeMessages.length; i++) {
      MimeMessage message = mimeMessages[i];
      Object original = originalMessages != null ? originalMessages[i] : message;
      try {
        prepare(message);
        send(message, original, failed);
      } catch (MailException noConnection) {
        throw noConnection; // as Spring's sender: the server cannot be reached (or refused the login)
      } catch (MessagingException | RuntimeException e) {
        failed.put(original, e);
      }
    }
    if (!failed.isEmpty()) {
      throw new MailSendException(failed);
    }
  }

  /** What Spring's sender does before each message: a sent date, and a Message-ID set beforehand kept. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  private void send(MimeMessage message, Object original, Map<Object, Exception> failed) throws MessagingException {
    Address[] recipients = message.getAllRecipients() != null ? message.getAllRecipients() : new Address[0];
    // each try that finds a reused connection gone takes another; the last one is a new connection at the latest
    for (int tries = pool.getMaxTotal() + 1; ; tries--) {
      Transport transport = borrow(original, failed);
      boolean reused = ((Connections) pool.getFactory()).reused(transport);
      try {
        transport.sendMessage(message, recipients);
      } catch (MessagingException | IllegalStateException e) {
        invalidate(transport);
        if (reused && tries > 1 && lostBeforeHandOver(e)) {
          log.debug("A kept SMTP connection was closed before the message was handed over; sending over another one", e);
          continue;
        }
        throw e;
      } catch (RuntimeException | Error e) {
        invalidate(transport); // never kept borrowed: the pool would shrink by one each time
        throw e;
      }
      pool.returnObject(transport);
      return;
    }
  }

  private Transport borrow(Object original, Map<Object, Exception> failed) {
    try {
      return pool.borrowObject();
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (Exception e) {
      failed.put(original, e);
      if (e instanceof NoSuchElementException && e.getCause() == null) { // commons-pool's timeout
        throw new MailSendException("No SMTP connection came free within leadflow.mail.pool.max-wait ("
            + pool.getMaxWaitDuration() + "); all " + pool.getMaxTotal() + " are sending", e, failed);
      }
      throw new MailSendException("Mail server connection failed", e, failed);
    }
  }

  private void invalidate(Transport transport) {
    try {
      pool.invalidateObject(transport);
    } catch (Exception e) {
      log.debug("Closing a failed SMTP connection failed too", e);
    }
  }

  /**
   * Whether the connection was found closed before the message was handed over: no reply at all
   * or {@code 421} ("closing the transmission channel") to MAIL, RCPT or DATA, or the transport
   * no longer connected. Never after the end of the message ({@link StagedSmtpTransport.OutcomeUnknown}),
   * nor on a command timeout (a server that hangs would make the send take twice as long).
   */
  static boolean lostBeforeHandOver(Exception failure) {
    if (failure instanceof IllegalStateException) {
      return true; // "Not connected": sendMessage refused before writing anything
    }
    Integer reply = null;
    for (Throwable e = failure; e != null; e = next(e)) {
      if (e instanceof StagedSmtpTransport.OutcomeUnknown) {
        return false;
      }
      if (reply == null && e instanceof SMTPSendFailedException sendFailed) {
        reply = sendFailed.getReturnCode();
      } else if (reply == null && e instanceof SMTPAddressFailedException addressFailed) {
        reply = addressFailed.getReturnCode();
      } else if (reply == null && e instanceof SMTPSenderFailedException senderFailed) {
        reply = senderFailed.getReturnCode();
      }
    }
    if (reply == null && timedOut(failure)) {
      return false; // a server that hangs is not a closed connection: a clean failure, retried by the job
    }
    // no SMTP reply anywhere: the connection broke while writing or reading a command
    return reply == null || reply == CONNECTION_LOST || reply == CLOSING_CHANNEL;
  }

  private static boolean timedOut(Exception failure) {
    for (Throwable e = failure; e != null; e = next(e)) {
      if (e instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable e) {
    if (e instanceof MessagingException messaging && messaging.getNextException() != null
        && messaging.getNextException() != e) {
      return messaging.getNextException();
    }
    return e.getCause() == e ? null : e.getCause();
  }

  @Override
  public void destroy() {
    pool.close();
  }

  /** Opens, checks and closes the pool's connections, over the session and server this sender is set up with. */
  private class Connections extends BasePooledObjectFactory<Transport> {

    private final int maxMessages;
    private final Map<Transport, PooledObject<Transport>> borrowed = new ConcurrentHashMap<>();

    Connections(int maxMessages) {
      this.maxMessages = maxMessages;
    }

    @Override
    public Transport create() throws MessagingException {
      return connectTransport();
    }

    @Override
    public PooledObject<Transport> wrap(Transport transport) {
      return new DefaultPooledObject<>(transport);
    }

    @Override
    public void activateObject(PooledObject<Transport> connection) {
      borrowed.put(connection.getObject(), connection);
    }

    /** Whether the connection carried an email before this send. */
    boolean reused(Transport transport) {
      PooledObject<Transport> connection = borrowed.get(transport);
      return connection != null && connection.getBorrowedCount() > 1;
    }

    /** On borrowing: a new connection is taken as it is; one used before must answer NOOP and have room for one more email. */
    @Override
    public boolean validateObject(PooledObject<Transport> connection) {
      if (connection.getBorrowedCount() <= 1) {
        return true;
      }
      return connection.getBorrowedCount() <= maxMessages && connection.getObject().isConnected();
    }

    @Override
    public void passivateObject(PooledObject<Transport> connection) {
      borrowed.remove(connection.getObject());
    }

    @Override
    public void destroyObject(PooledObject<Transport> connection) throws MessagingException {
      borrowed.remove(connection.getObject());
      connection.getObject().close();
    }
  }
}
