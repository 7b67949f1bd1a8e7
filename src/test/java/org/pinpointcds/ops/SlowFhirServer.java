package org.pinpointcds.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A FHIR server on loopback that takes its time and then finds nothing (404): a hook call that fetches from it is
 * still under way for {@code delay}, and then ends in 412.
 */
final class SlowFhirServer implements AutoCloseable {

  private final HttpServer server;
  private final CountDownLatch asked = new CountDownLatch(1);

  private SlowFhirServer(Duration delay) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      asked.countDown();
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
  }

  static SlowFhirServer start(Duration delay) throws IOException {
    return new SlowFhirServer(delay);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
  }

  /** Waits until a call has reached this server, so that the call is under way. */
  void awaitRequest() throws InterruptedException {
    if (!asked.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no call reached the FHIR server");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
