package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies as a hostile or broken client sends them, over real sockets: headers and then a byte now and then, a
 * chunked body without end, a length no service reads. Honest calls keep their answer times while slow senders
 * trickle; the slow and the large get an OperationOutcome. Four request threads, as on a 2-core machine; small
 * limits, so that the test sends little.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.threads.max=4", "pinpoint.requests.max-body-size=1MB", "pinpoint.requests.body-timeout=3s"})
class SlowAndLargeBodiesTests {

  private static final int TRICKLERS = 8;

  @LocalServerPort
  int port;

  @Test
  void slowSendersHoldNoRequestThreadAndAreAnswered408AtTheBodyTimeout() throws Exception {
    List<Socket> tricklers = new ArrayList<>();
    for (int i = 0; i < TRICKLERS; i++) {
      Socket socket = connect();
      socket.getOutputStream().write(headers("Content-Length: 900000").getBytes(StandardCharsets.US_ASCII));
      tricklers.add(socket);
    }
    CompletableFuture<Void> trickling = CompletableFuture.runAsync(() -> trickle(tricklers, Duration.ofSeconds(2)));

    long slowest = 0;
    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      assertThat(new CdsCalls(port).triage(HookRequest.forAdult()).status()).isEqualTo(200);
      slowest = Math.max(slowest, System.nanoTime() - started);
    }
    trickling.get(10, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(slowest)).as("the slowest honest call while %d senders trickle", TRICKLERS)
        .isLessThan(Duration.ofSeconds(1));
    for (Socket socket : tricklers) {
      String answer = readAnswer(socket);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("OperationOutcome", "pinpoint.requests.body-timeout");
      socket.close();
    }
  }

  @Test
  void aChunkedBodyBeyondTheCapIs413BeforeItEnds() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      try {
        for (int i = 0; i < 24; i++) { // 1.5 MB, and no last chunk
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (SocketException closedByTheService) {
        // refused while sending: what the test expects
      }
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413").contains("OperationOutcome", "1 MB", "max-body-size");
    }
  }

  @Test
  void aDeclaredLengthBeyondTheCapIs413BeforeAByteOfItIsSent() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(headers("Content-Length: 200000000").getBytes(StandardCharsets.US_ASCII));
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413").contains("OperationOutcome", "max-body-size");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String headers(String framing) {
    return "POST " + CdsCalls.TRIAGE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + framing + "\r\n\r\n";
  }

  /** One byte on each socket every 200 ms for {@code duration}. */
  private static void trickle(List<Socket> sockets, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    try {
      while (System.nanoTime() < end) {
        for (Socket socket : sockets) {
          socket.getOutputStream().write(' ');
          socket.getOutputStream().flush();
        }
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything the service sends until it closes the connection. */
  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
