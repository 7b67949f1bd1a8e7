package org.pinpointcds.sandbox;

import java.util.List;
import org.pinpointcds.sandbox.SandboxLoader.SandboxPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running FHIR sandbox: HAPI's JPA server on loopback, holding a synthetic patient for every shared scenario
 * (docs/sandbox.md).
 *
 * <p>From the command line (project root): {@code mvn -q test-compile exec:java@sandbox}, on
 * {@code http://127.0.0.1:8090/fhir} unless {@code -Dsandbox.port=N}. In a test: {@link #start(int)} with port 0
 * for a free port, {@link #baseUrl()}, {@link #stop()}; or {@link FhirSandboxExtension} for one sandbox shared by
 * every test class of the run. Start-up takes about 25 s on 2 cores, so start it once per class at most.
 */
public final class FhirSandbox implements AutoCloseable {

  public static final int DEFAULT_PORT = 8090;

  private static final Logger LOG = LoggerFactory.getLogger(FhirSandbox.class);

  private final ConfigurableApplicationContext context;
  private final int port;

  private FhirSandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts the sandbox on {@code -Dsandbox.port} (default 8090) and serves until the process is stopped. */
  public static void main(String[] args) {
    FhirSandbox sandbox = run(args);
    LOG.info("FHIR sandbox ready at {} (stop with Ctrl-C). Patients:", sandbox.baseUrl());
    for (SandboxPatient patient : sandbox.patients()) {
      LOG.info("  {}  {}  {}", patient.id(), patient.scenario(), patient.title());
    }
  }

  /**
   * Starts a sandbox and returns once every patient is loaded.
   *
   * @param port the port on 127.0.0.1; 0 for a free one
   */
  public static FhirSandbox start(int port) {
    return run("--server.port=" + port);
  }

  private static FhirSandbox run(String... args) {
    return new FhirSandbox(new SpringApplicationBuilder(SandboxApplication.class)
        .main(FhirSandbox.class)
        .properties("spring.config.name=" + SandboxApplication.CONFIG_NAME)
        .run(args));
  }

  public int port() {
    return port;
  }

  /** The FHIR base URL, e.g. {@code http://127.0.0.1:8090/fhir}: what goes into a CDS Hooks {@code fhirServer}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  /** The patient ids it holds, one per scenario. */
  public List<String> patientIds() {
    return patients().stream().map(SandboxPatient::id).toList();
  }

  List<SandboxPatient> patients() {
    return context.getBean(SandboxLoader.class).patients();
  }

  public void stop() {
    context.close();
  }

  @Override
  public void close() {
    stop();
  }
}
