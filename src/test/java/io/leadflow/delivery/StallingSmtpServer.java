package io.leadflow.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that speaks enough SMTP to take an email, and answers the end of each message
 * only after {@code stall} (RFC 5321 allows up to 10 minutes), or never. It counts connections
 * and the messages it took: a message is delivered when its end was received, answer or not.
 * It can also end a connection as a server does with one it no longer wants (idle too long):
 * {@link #closeAfterNextNoop}.
 */
final class StallingSmtpServer implements AutoCloseable {

  private final ServerSocket server;
  private final Duration stall;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private volatile boolean closeAfterNextNoop;
  private volatile boolean hangsFromNow;

  /** @param stall how long the end-of-data reply takes; null: never answered */
  StallingSmtpServer(int port, Duration stall) {
    try {
      this.server = new ServerSocket(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.stall = stall;
    Thread accepting = new Thread(this::accept, "stalling-smtp");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  /**
   * The connection open now is answered NOOP once more ("still there") and then closed, before
   * the client's next command: the client finds it gone only when it sends.
   */
  void closeAfterNextNoop() {
    closeAfterNextNoop = true;
  }

  /** From now on the end of each message is never answered: the server takes it and hangs. */
  void hangAfterEachMessageFromNow() {
    hangsFromNow = true;
  }

  /** The messages whose end the server received (delivered, whatever the client heard). */
  List<String> messages() {
    return messages;
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        connections.incrementAndGet();
        talk(client);
      } catch (IOException | InterruptedException e) {
        // the client gave up (its timeout) or the server closed: next connection
      }
    }
  }

  private void talk(Socket client) throws IOException, InterruptedException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 stalling.test ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 stalling.test");
        case "MAIL", "RCPT", "RSET" -> reply(out, "250 OK");
        case "NOOP" -> {
          reply(out, "250 OK");
          if (closeAfterNextNoop) {
            closeAfterNextNoop = false;
            return;
          }
        }
        case "DATA" -> {
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          StringBuilder message = new StringBuilder();
          for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
            message.append(data).append('\n');
          }
          messages.add(message.toString());
          // the message is here; the answer takes its time (a scan, a relay), or never comes
          if (stall == null || hangsFromNow) {
            closed.await();
            return;
          }
          if (closed.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
          reply(out, "250 2.0.0 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
  }
}
