package org.pinpointcds.testing;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The EHR's FHIR server as an attacker or a broken neighbour runs it, on a raw loopback socket: a body declared at
 * 500 MB, an endless chunked body, a body trickled a byte at a time forever, or honest answers after a pause. It
 * counts on the wire what Pinpoint did: the requests, the most in flight at once, the bytes written, and the
 * answers cut short because Pinpoint closed the connection. One request per connection ({@code Connection: close}).
 */
public final class HostileFhirServer implements AutoCloseable {

  private static final int BLOCK = 64 * 1024;
  private static final byte[] SPACES = " ".repeat(BLOCK).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};

  /** How the server answers one request, given its target ({@code /fhir/Patient/p1}). */
  @FunctionalInterface
  public interface Answer {
    void write(String target, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "hostile-fhir-server");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();
  private final AtomicInteger hangUps = new AtomicInteger();
  private volatile Answer answer;

  private HostileFhirServer(Answer answer) throws IOException {
    this.answer = answer;
    this.socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    connections.execute(this::accept);
  }

  public static HostileFhirServer start(Answer answer) {
    try {
      return new HostileFhirServer(answer);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback", e);
    }
  }

  /** The FHIR base URL. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/fhir");
  }

  /** Answers every request from now on so. */
  public void answer(Answer next) {
    this.answer = next;
  }

  /** 200 with {@code json}. */
  public static Answer json(String json) {
    return (target, out) -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      out.write(headers("Content-Length: " + body.length));
      out.write(body);
    };
  }

  /** 200 declaring {@code bytes} of body, then writing them (blanks, generated, never held) unless cut off. */
  public static Answer declaredBody(long bytes) {
    return (target, out) -> {
      out.write(headers("Content-Length: " + bytes));
      for (long left = bytes; left > 0; left -= BLOCK) {
        out.write(SPACES, 0, (int) Math.min(BLOCK, left));
      }
    };
  }

  /** 200 with a chunked body that never ends, as fast as the socket takes it. */
  public static Answer endlessChunks() {
    return (target, out) -> {
      out.write(headers("Transfer-Encoding: chunked"));
      byte[] size = (Integer.toHexString(BLOCK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(size);
        out.write(SPACES);
        out.write(CRLF);
      }
    };
  }

  /** 200 with a chunked body of one byte every {@code interval}, forever. */
  public static Answer trickle(Duration interval) {
    return (target, out) -> {
      out.write(headers("Transfer-Encoding: chunked"));
      while (true) {
        out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(interval.toMillis());
      }
    };
  }

  /**
   * After {@code pause}, reads ({@code Type/id}) and searches by {@code _id} answered from {@code resources}: the
   * resource JSON of an id, or null where there is none (a 404 to a read, left out of a search).
   */
  public static Answer byId(Duration pause, Function<String, String> resources) {
    return (target, out) -> {
      Thread.sleep(pause.toMillis());
      String path = target.replaceFirst("^/fhir/", "");
      if (path.contains("?_id=")) {
        String ids = path.substring(path.indexOf("?_id=") + 5).split("&")[0];
        String entries = Arrays.stream(ids.split(",")).map(resources).filter(Objects::nonNull)
            .map(resource -> "{\"resource\":" + resource + "}").collect(Collectors.joining(","));
        json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + "]}").write(target, out);
        return;
      }
      String resource = resources.apply(path.substring(path.indexOf('/') + 1));
      if (resource == null) {
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
      } else {
        json(resource).write(target, out);
      }
    };
  }

  /** The request targets received, in order of arrival. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The most requests that were being answered at once. */
  public int mostAtOnce() {
    return mostAtOnce.get();
  }

  /** The bytes written into every connection so far. */
  public long bytesWritten() {
    return written.get();
  }

  /** Waits until Pinpoint has closed {@code count} connections in the middle of their answers. */
  public boolean awaitHangUps(int count, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (hangUps.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : open) {
      connection.close();
    }
    connections.shutdownNow();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        connections.execute(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      BufferedReader request = new BufferedReader(
          new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = request.readLine();
      for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
        // The headers are read, not used.
      }
      if (requestLine == null) {
        return;
      }
      String target = requestLine.split(" ")[1];
      requests.add(target);
      mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        OutputStream out = new Counting(connection.getOutputStream());
        answer.write(target, out);
        out.flush();
      } finally {
        inFlight.decrementAndGet();
      }
    } catch (IOException hungUp) {
      hangUps.incrementAndGet();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(connection);
    }
  }

  private static byte[] headers(String framing) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\n" + framing + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Counts what reaches the socket. */
  private final class Counting extends FilterOutputStream {

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      written.addAndGet(length);
    }
  }
}
