package io.leadflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * HTTP load from several client threads, as integrations would send it: JSON bodies with HTTP
 * Basic, over kept-alive connections. Two ways to load: as fast as the server answers (closed
 * loop: the maximum rate), and at a fixed rate (open loop: latency at a given load, measured from
 * when each request was due, so a slow answer cannot hide the requests queued behind it).
 */
final class HttpLoad {

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final URI base;
  private final String authorization;
  private final int threads;

  HttpLoad(URI base, String user, String password, int threads) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.threads = threads;
  }

  /** A POST of a JSON body to a path of the application. */
  HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** A GET of a path of the application, answered as JSON. */
  HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }

  /** {@code count} requests, each sent as soon as a client thread is free. */
  Measurement asFastAsPossible(int count, IntFunction<HttpRequest> request) {
    return run(count, request, 0);
  }

  /** {@code count} requests at {@code perSecond}, spread evenly. */
  Measurement atRate(int count, double perSecond, IntFunction<HttpRequest> request) {
    return run(count, request, (long) (1e9 / perSecond));
  }

  private Measurement run(int count, IntFunction<HttpRequest> request, long intervalNanos) {
    Histogram latencies = new ConcurrentHistogram(3);
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<String> firstFailures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long due = intervalNanos == 0 ? System.nanoTime() : start + i * intervalNanos;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          HttpRequest req = request.apply((int) i);
          try {
            HttpResponse<String> response = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
              failures.incrementAndGet();
              note(firstFailures, response.statusCode() + " " + abbreviate(response.body()));
            }
          } catch (IOException e) {
            failures.incrementAndGet();
            note(firstFailures, e.toString());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
        }
      }));
    }
    finish(pool, workers);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!firstFailures.isEmpty()) {
      System.out.println("benchmark: " + failures.get() + " failed requests, the first: " + firstFailures);
    }
    return Measurement.of(count, elapsed, failures.get(), latencies);
  }

  private static void note(List<String> failures, String failure) {
    synchronized (failures) {
      if (failures.size() < 3) {
        failures.add(failure);
      }
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
  }

  /** Runs {@code work(i)} for i in [0, count) on {@code threads} threads, as fast as possible. */
  static Measurement inProcess(int count, int threads, IntWork work) {
    Histogram latencies = new ConcurrentHistogram(3);
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long began = System.nanoTime();
          work.run((int) i);
          latencies.recordValue((System.nanoTime() - began) / 1000);
        }
        return null;
      }));
    }
    finish(pool, workers);
    return Measurement.of(count, Duration.ofNanos(System.nanoTime() - start), 0, latencies);
  }

  /** Waits for every worker; the first failure fails the measurement. */
  private static void finish(ExecutorService pool, List<Future<?>> workers) {
    try {
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("The work failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Work for one index. */
  @FunctionalInterface
  interface IntWork {
    void run(int i);
  }
}
