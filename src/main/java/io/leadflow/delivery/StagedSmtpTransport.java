package io.leadflow.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaMail's SMTP transport with RFC 5321's timeouts by stage (section 4.5.3.2) instead of one
 * read timeout for every reply, and with a failure after the message was handed over told apart
 * from one before.
 *
 * <ul>
 *   <li>connecting, the greeting and every command before the message is handed over (EHLO,
 *       STARTTLS, AUTH, MAIL, RCPT, DATA): JavaMail's {@code mail.smtp.connectiontimeout} and
 *       {@code mail.smtp.timeout}. A failure here is a clean "not sent": the server has nothing.
 *   <li>the reply to the end of the message ({@code <CRLF>.<CRLF>}): {@link #END_OF_DATA_TIMEOUT},
 *       10 minutes by the RFC, since the server may scan and relay before it answers. A failure
 *       here (no answer in time, the connection lost) is {@link OutcomeUnknown}: the server may
 *       have delivered the email. A refusal (4xx, 5xx) is still a clean failure.
 *   <li>closing (QUIT) after a message never fails the send: what the server answered to the
 *       message is what counts.
 * </ul>
 *
 * Registered as the session's SMTP provider ({@link #session}), with JavaMail's socket factory
 * setting {@code mail.smtp.socketFactory.class} ({@link Sockets}), which hands this transport the
 * socket it talks over so that it can lengthen the read timeout for that one reply.
 * {@link DeliveryProperties.Mail.Timeouts#applyTo} sets the properties.
 */
public class StagedSmtpTransport extends SMTPTransport {

  /** Milliseconds to wait for the reply to the end of the message (JavaMail property of ours). */
  public static final String END_OF_DATA_TIMEOUT = "mail.smtp.leadflow.endofdatatimeout";

  private static final Logger log = LoggerFactory.getLogger(StagedSmtpTransport.class);

  /** The plain socket this transport talks over, once connected (kept here: a pooled connection changes threads). */
  private Socket socket;

  public StagedSmtpTransport(Session session, URLName url) {
    super(session, url, "smtp", false);
  }

  @Override
  protected synchronized boolean protocolConnect(String host, int port, String user, String password)
      throws MessagingException {
    Sockets.CURRENT.remove();
    try {
      return super.protocolConnect(host, port, user, password);
    } finally {
      socket = Sockets.CURRENT.get();
      Sockets.CURRENT.remove();
    }
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    Socket socket = this.socket;
    String endOfData = session.getProperty(END_OF_DATA_TIMEOUT);
    int commandTimeout = socket != null ? socket.getSoTimeout() : 0;
    if (socket != null && endOfData != null) {
      socket.setSoTimeout(Integer.parseInt(endOfData));
    }
    try {
      super.finishData();
    } catch (SMTPSendFailedException refused) {
      if (refused.getReturnCode() >= 400) {
        throw refused; // the server answered: it did not take the message
      }
      throw new OutcomeUnknown(refused); // no reply code: the connection ended before the answer
    } catch (IOException | MessagingException noAnswer) {
      throw new OutcomeUnknown(noAnswer);
    } finally {
      // the next message over this (pooled) connection starts with the command timeout again
      if (socket != null && endOfData != null && !socket.isClosed()) {
        try {
          socket.setSoTimeout(commandTimeout);
        } catch (IOException closed) {
          log.debug("The connection closed after the message's reply", closed);
        }
      }
    }
  }

  @Override
  public synchronized void close() throws MessagingException {
    try {
      super.close();
    } catch (MessagingException quitFailed) {
      log.debug("QUIT was not answered; the message's own reply counts", quitFailed);
    } finally {
      socket = null;
      Sockets.CURRENT.remove();
    }
  }

  /**
   * The message was handed over (all of it, and the end-of-data mark) but the server's answer
   * never came: it may have been delivered. Sending it again blindly may deliver it twice.
   */
  public static class OutcomeUnknown extends MessagingException {
    OutcomeUnknown(Exception cause) {
      super("The mail server took the whole message but did not answer in time (" + cause.getMessage()
          + "); it may have been delivered", cause);
    }
  }

  /**
   * Plain sockets, as JavaMail would make them, handed through the connecting thread to the
   * {@link StagedSmtpTransport} that connects (which keeps its own) so that it can change the read timeout.
   * JavaMail connects them with {@code mail.smtp.connectiontimeout}; with STARTTLS the TLS
   * socket is layered on this one and reads through it.
   */
  public static class Sockets extends SocketFactory {

    static final ThreadLocal<Socket> CURRENT = new ThreadLocal<>();
    private static final Sockets INSTANCE = new Sockets();

    /** How JavaMail obtains a {@code mail.smtp.socketFactory.class}. */
    public static SocketFactory getDefault() {
      return INSTANCE;
    }

    private static Socket remembered(Socket socket) {
      CURRENT.set(socket);
      return socket;
    }

    @Override
    public Socket createSocket() {
      return remembered(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return remembered(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return remembered(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return remembered(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return remembered(new Socket(address, port, localAddress, localPort));
    }
  }

  /** A JavaMail session with these properties whose SMTP transport is this one. */
  public static Session session(Properties javaMail) {
    Session session = Session.getInstance(javaMail);
    try {
      session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", StagedSmtpTransport.class.getName(), "Leadflow", null));
    } catch (NoSuchProviderException e) {
      throw new IllegalStateException(e);
    }
    return session;
  }

  /** The JavaMail properties that make a session use this transport with these timeouts. */
  static void configure(Properties javaMail, Duration connect, Duration command, Duration write, Duration endOfData) {
    javaMail.setProperty("mail.smtp.socketFactory.class", Sockets.class.getName());
    javaMail.setProperty("mail.smtp.socketFactory.fallback", "false");
    javaMail.setProperty("mail.smtp.connectiontimeout", String.valueOf(connect.toMillis()));
    javaMail.setProperty("mail.smtp.timeout", String.valueOf(command.toMillis()));
    javaMail.setProperty("mail.smtp.writetimeout", String.valueOf(write.toMillis()));
    javaMail.setProperty(END_OF_DATA_TIMEOUT, String.valueOf(endOfData.toMillis()));
  }
}
