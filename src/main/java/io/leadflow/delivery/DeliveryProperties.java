package io.leadflow.delivery;

import jakarta.mail.internet.AddressException;
import java.time.Duration;
import java.util.Properties;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email delivery settings: {@code leadflow.mail.from} (who emails come from) and
 * {@code leadflow.tracking.secret} (the key tracking links are signed with; the postgres profile
 * requires one from {@code LEADFLOW_TRACKING_SECRET}, see ProductionCredentialsGuard).
 */
@Validated
@ConfigurationProperties("leadflow")
public record DeliveryProperties(@Valid Mail mail, @NotNull @Valid Tracking tracking) {

  public DeliveryProperties {
    mail = mail == null ? new Mail(null, null, null, null) : mail;
  }

  /**
   * {@code from}: an address with an optional name, e.g. {@code Leadflow <hello@leadflow.example>};
   * {@code timeouts}: how long a send waits on the mail server, by stage; {@code smtputf8}: whether
   * the mail server takes addresses with letters beyond ASCII before the {@code @} (SMTPUTF8, RFC
   * 6531); unset: the mail server is asked (EHLO) and its answer kept for ten minutes; {@code pool}:
   * the SMTP connections kept open between sends ({@link Pool}).
   */
  public record Mail(String from, @Valid Timeouts timeouts, Boolean smtputf8, @Valid Pool pool) {

    public static final String DEFAULT_FROM = "Leadflow <hello@leadflow.example>";

    public Mail {
      from = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
      address(from);
      timeouts = timeouts == null ? new Timeouts(null, null, null, null) : timeouts;
      pool = pool == null ? new Pool(null, null, null, null, null) : pool;
    }

    /**
     * The SMTP connections kept open between sends ({@link PooledMailSender}), so that a send
     * does not pay for connecting, the greeting, EHLO, STARTTLS and AUTH each time.
     *
     * @param enabled whether connections are kept (default {@code true}); {@code false}: one
     *     connection per email, as JavaMail does by itself
     * @param maxConnections the most connections open at once, in use or idle (default 8, the job
     *     executor's threads); a send that finds them all in use waits up to {@code maxWait}
     * @param idleTime how long a connection may stay unused before it is closed (default 1 min:
     *     well within the 5 minutes a server waits for a command by RFC 5321, 4.5.3.2.7);
     *     checked every half of it
     * @param maxMessages emails sent over one connection before it is closed and a new one opened
     *     (default 100; some servers refuse more per connection)
     * @param maxWait how long a send waits for a free connection (default 1 min) before it fails
     *     cleanly, nothing handed over
     */
    public record Pool(Boolean enabled, @Min(1) Integer maxConnections, Duration idleTime, @Min(1) Integer maxMessages,
        Duration maxWait) {

      public Pool {
        enabled = enabled == null || enabled;
        maxConnections = maxConnections == null ? 8 : maxConnections;
        idleTime = idleTime == null ? Duration.ofMinutes(1) : idleTime;
        maxMessages = maxMessages == null ? 100 : maxMessages;
        maxWait = maxWait == null ? Duration.ofMinutes(1) : maxWait;
        if (idleTime.isNegative() || idleTime.isZero()) {
          throw new IllegalArgumentException("leadflow.mail.pool.idle-time must be positive (a kept connection is closed after it)");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
          throw new IllegalArgumentException("leadflow.mail.pool.max-wait must be positive (it counts into the job lock time)");
        }
      }
    }

    /**
     * The SMTP timeouts by stage (RFC 5321, 4.5.3.2; docs/operations.md). Before the message is
     * handed over a timeout is a clean failure, tried again later, so those are short; the reply
     * to the end of the message gets the RFC's 10 minutes, because a timeout there leaves the
     * outcome unknown.
     *
     * @param connect opening the connection (default 30 s)
     * @param command the greeting and each command's reply before the message: EHLO, STARTTLS,
     *     AUTH, MAIL, RCPT, DATA (default 1 min; the RFC's 5 minutes would keep a job and its
     *     connections for half an hour on a server that hangs)
     * @param write writing a block of the message (default 1 min; the RFC gives 3 for a block, but a
     *     block that takes a minute to go out is a dead connection, and this counts into the lock time)
     * @param endOfData the reply to the end of the message (default 10 min, the RFC's)
     */
    public record Timeouts(Duration connect, Duration command, Duration write, Duration endOfData) {

      public Timeouts {
        connect = connect == null ? Duration.ofSeconds(30) : connect;
        command = command == null ? Duration.ofMinutes(1) : command;
        write = write == null ? Duration.ofMinutes(1) : write;
        endOfData = endOfData == null ? Duration.ofMinutes(10) : endOfData;
      }

      /**
       * The longest one send can take: connecting, at most 9 replies before the message
       * (greeting, EHLO, STARTTLS, EHLO, AUTH and its challenge, MAIL, RCPT, DATA), writing it
       * (an email is a few blocks; counted as two) and the end-of-data reply. Over a kept
       * connection ({@link Pool}) add the check before it (one command) and {@link Pool#maxWait}.
       */
      public Duration longestSend() {
        return connect.plus(command.multipliedBy(9)).plus(write.multipliedBy(2)).plus(endOfData);
      }

      /** JavaMail's properties for these timeouts, with the transport that keeps them by stage. */
      public void applyTo(Properties javaMail) {
        StagedSmtpTransport.configure(javaMail, connect, command, write, endOfData);
      }
    }

    /** The sender as an address (with its name, if {@code from} has one). */
    public InternetAddress address() {
      return address(from);
    }

    /** How the sender is named to people: its name, or its address without one. */
    public String senderName() {
      InternetAddress address = address();
      return address.getPersonal() != null ? address.getPersonal() : address.getAddress();
    }

    private static InternetAddress address(String from) {
      try {
        InternetAddress[] addresses = InternetAddress.parse(from, true);
        if (addresses.length != 1) {
          throw new AddressException("exactly one address expected", from);
        }
        return addresses[0];
      } catch (AddressException e) {
        throw new IllegalArgumentException(
            "leadflow.mail.from must be one email address, such as " + DEFAULT_FROM + ": " + from, e);
      }
    }
  }

  /**
   * Tracking links: {@code secret}, the HMAC-SHA256 key they are signed with (changing it breaks
   * the links already sent); {@code link-max-age}, how long after its email a click or open link
   * works (unsubscribe links never expire); {@code repeat-window}, within which repeated opens or
   * clicks of one email are counted on the first one's row instead of each becoming an
   * interaction; {@code limits}, the requests per client address and per link in a period;
   * {@code after-machine-gap}, the quiet time after a machine-made hit (a scanner's burst) after
   * which a hit in the same window is recorded again (it may be the person's).
   */
  public record Tracking(@NotBlank String secret, Duration linkMaxAge, Duration repeatWindow, @Valid Limits limits,
      Duration afterMachineGap) {

    public Tracking {
      afterMachineGap = afterMachineGap == null ? Duration.ofSeconds(10) : afterMachineGap;
      linkMaxAge = linkMaxAge == null ? Duration.ofDays(365) : linkMaxAge;
      repeatWindow = repeatWindow == null ? Duration.ofHours(1) : repeatWindow;
      limits = limits == null ? new Limits(null, null, null) : limits;
    }
  }

  /** At most {@code per-address} requests to {@code /t/} from one client address, and {@code per-link} to one link, per {@code period}. */
  public record Limits(@Min(1) Integer perAddress, @Min(1) Integer perLink, Duration period) {

    public Limits {
      perAddress = perAddress == null ? 600 : perAddress;
      perLink = perLink == null ? 30 : perLink;
      period = period == null ? Duration.ofMinutes(1) : period;
    }
  }
}
