package org.pinpointcds.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A small load generator, as a Service spreads calls over its endpoints: call {@code i} goes first to instance
 * {@code i % n} of those in rotation. A call whose connection is refused (the instance no longer listens) goes to the
 * next instance; any other failure, and any answer but 200, is a failed call. Bounded in count and time, loopback
 * only.
 *
 * <p>One connection per call, as a load balancer sends calls once it has taken a stopping instance out of rotation:
 * a stopping Tomcat answers 503 to a request on a connection it had kept alive.
 */
final class AlternatingLoad {

  static {
    // Never resend a POST behind the caller's back: every retry here is one this class decides on.
    System.setProperty("sun.net.http.retryPost", "false");
  }

  /** The request of call {@code i}: its body and the JWT to send (each call needs a token of its own). */
  record Call(String body, String authorization) {}

  /** What came of the load. */
  record Result(int succeeded, int retried, List<String> failures) {}

  private final List<URI> rotation;
  private final IntFunction<Call> calls;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  /** @param instances the service URL on each instance, all in rotation at first */
  AlternatingLoad(List<URI> instances, IntFunction<Call> calls) {
    this.rotation = new CopyOnWriteArrayList<>(instances);
    this.calls = calls;
  }

  /** Takes an instance out of rotation: no new call goes to it; calls already sent to it go on. */
  void remove(URI instance) {
    rotation.remove(instance);
  }

  /** Puts an instance (back) into rotation, as a caller with a stale list of instances has it. */
  void add(URI instance) {
    rotation.add(instance);
  }

  int succeeded() {
    return succeeded.get();
  }

  /** Sends no more calls once those under way are answered. */
  void stop() {
    stopped.set(true);
  }

  /** Sends calls on {@code threads} threads until {@link #stop} or {@code maxCalls}, and waits for the last one. */
  Result run(int maxCalls, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        for (int i = next.getAndIncrement(); i < maxCalls && !stopped.get(); i = next.getAndIncrement()) {
          send(i);
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new AssertionError("the load did not finish within 5 minutes");
    }
    return new Result(succeeded.get(), retried.get(), List.copyOf(failures));
  }

  private void send(int i) {
    Call call = calls.apply(i);
    List<URI> targets = List.copyOf(rotation);
    for (int attempt = 0; attempt < targets.size(); attempt++) {
      URI target = targets.get((i + attempt) % targets.size());
      try {
        int status = post(target, call);
        if (status == 200) {
          succeeded.incrementAndGet();
        } else {
          failures.add("call " + i + " to " + target + ": HTTP " + status);
        }
        return;
      } catch (ConnectException refused) {
        retried.incrementAndGet();
      } catch (IOException e) {
        failures.add("call " + i + " to " + target + ": " + e);
        return;
      }
    }
    failures.add("call " + i + ": every instance in rotation refused the connection");
  }

  private static int post(URI target, Call call) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
    try {
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(30_000);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Connection", "close");
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Authorization", call.authorization());
      try (OutputStream out = connection.getOutputStream()) {
        out.write(call.body().getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status;
    } finally {
      connection.disconnect();
    }
  }
}
