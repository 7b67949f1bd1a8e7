package org.pinpointcds.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as an operator runs it: {@code java -jar} in a process of its own, with its own CDS and
 * management ports on loopback, its standard output (the JSON log lines of the production profile) in a file.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final int managementPort;
  final Path log;
  private final Process process;

  private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.process = process;
  }

  /** Starts the jar at {@code jar} in {@code workDir} with {@code arguments} added to its command line. */
  static ServiceProcess start(String name, Path jar, Path workDir, List<String> arguments) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        // Lean: two of these share a 2-core machine with the build.
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
        "-jar", jar.toString(),
        "--server.address=127.0.0.1", "--server.port=" + port,
        "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort));
    command.addAll(arguments);
    Path log = workDir.resolve(name + ".log");
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectOutput(log.toFile())
        .redirectError(workDir.resolve(name + ".err").toFile())
        .start();
    return new ServiceProcess(name, port, managementPort, log, process);
  }

  /** Waits until readiness is UP; fails with the end of the log when it never is. */
  ServiceProcess awaitReady() throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped during start-up (exit " + process.exitValue() + "):\n" + tail());
      }
      if (status(management("/actuator/health/readiness")) == 200) {
        return this;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " was not ready within " + START_TIMEOUT + ":\n" + tail());
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + uri + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  List<String> logLines() throws IOException {
    return Files.readAllLines(log);
  }

  /** SIGTERM, as Kubernetes stops a pod; returns without waiting. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL ({@code kill -9}): no shutdown hook, no flush; returns once the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The exit code, once the process has ended within {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not stop within " + timeout);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int status(URI uri) {
    return status(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build());
  }

  /** The status of the answer to {@code request}; 0 when none came (refused, or the connection broke). */
  static int status(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private String tail() {
    try {
      List<String> lines = new ArrayList<>(logLines());
      lines.addAll(Files.readAllLines(log.resolveSibling(name + ".err")));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
