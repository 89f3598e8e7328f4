package io.leadflow.benchmark;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server the benchmark's emails go to, in this JVM, on 127.0.0.1 ({@code
 * benchmark.mail-server}):
 *
 * <ul>
 *   <li>{@code subetha} (the default): SubEthaSMTP, a library for receiving SMTP, that only counts
 *       each recipient's messages. A connection per client thread, nothing shared but the counts.
 *   <li>{@code greenmail}: GreenMail, as the tests use it: each message parsed and kept in a mailbox
 *       per recipient. Its delivery is one lock for the whole server, and finding a recipient's
 *       mailbox looks through every mailbox: at 100,000 leads the job threads waited on it (2026-12-05,
 *       docs/benchmark/2026-12-05-100000.md), so it measured GreenMail, not Leadflow.
 * </ul>
 */
abstract sealed class BenchmarkMailServer permits BenchmarkMailServer.Counting, BenchmarkMailServer.Keeping {

  static BenchmarkMailServer start(String kind, int port) {
    BenchmarkMailServer server = switch (kind.toLowerCase(Locale.ROOT)) {
      case "subetha" -> new Counting(port);
      case "greenmail" -> new Keeping(port);
      default -> throw new IllegalArgumentException("benchmark.mail-server: subetha or greenmail, not " + kind);
    };
    return server;
  }

  /** The messages received since the last {@link #forget}. */
  abstract int received();

  /** The messages received per recipient since the last {@link #forget}. */
  abstract Map<String, Integer> perRecipient();

  /** Forgets what was received (and the mailboxes: they would count as Leadflow's heap). */
  abstract void forget();

  abstract void stop();

  abstract String describe();

  static final class Counting extends BenchmarkMailServer {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final SMTPServer server;

    Counting(int port) {
      server = SMTPServer.port(port).bindAddress(loopback()).hostName("benchmark.mail")
          .messageHandler((context, from, to, data) -> {
            counts.computeIfAbsent(to.toLowerCase(Locale.ROOT), recipient -> new AtomicInteger()).incrementAndGet();
            received.incrementAndGet();
          })
          .build();
      server.start();
    }

    private static java.net.InetAddress loopback() {
      return java.net.InetAddress.getLoopbackAddress();
    }

    @Override
    int received() {
      return received.get();
    }

    @Override
    Map<String, Integer> perRecipient() {
      Map<String, Integer> copy = new HashMap<>();
      counts.forEach((recipient, count) -> copy.put(recipient, count.get()));
      return copy;
    }

    @Override
    void forget() {
      counts.clear();
      received.set(0);
    }

    @Override
    void stop() {
      server.stop();
    }

    @Override
    String describe() {
      return "SubEthaSMTP (counts each recipient's messages, keeps none)";
    }
  }

  static final class Keeping extends BenchmarkMailServer {
    private final GreenMail greenMail;

    Keeping(int port) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }

    @Override
    int received() {
      return greenMail.getReceivedMessages().length;
    }

    @Override
    Map<String, Integer> perRecipient() {
      Map<String, Integer> counts = new HashMap<>();
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        try {
          counts.merge(message.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      return counts;
    }

    @Override
    void forget() {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      for (GreenMailUser user : List.copyOf(greenMail.getUserManager().listUser())) {
        greenMail.getUserManager().deleteUser(user);
      }
    }

    @Override
    void stop() {
      greenMail.stop();
    }

    @Override
    String describe() {
      return "GreenMail (parses and keeps each message in a mailbox per recipient)";
    }
  }
}
