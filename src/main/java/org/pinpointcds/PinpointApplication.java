package org.pinpointcds;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Pinpoint: a CDS Hooks 2.0 service that triages petechiae from a patient's FHIR R4 data.
 *
 * <p>It keeps its feedback and audit with plain JDBC, and schedules nothing. The exclusions say so for the test
 * classpath, where the FHIR sandbox's JPA server (Hibernate, Quartz) would otherwise make Spring Boot add them to
 * the service's own tests; in the jar those classes are absent and the exclusions change nothing.
 */
@SpringBootApplication(exclude = {
    HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class, QuartzAutoConfiguration.class})
public class PinpointApplication {

  /**
   * Tomcat's request threads, unless {@code server.tomcat.threads.max} is set (default properties come last). A call
   * that waits for a FHIR server gives its thread back ({@code CdsHooksController}), so these threads only compute:
   * twice the cores keeps the cores busy without starving the JIT compiler, which Tomcat's default of 200 did under
   * load (docs/performance.md, "Threads").
   */
  static int requestThreads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(PinpointApplication.class);
    // Once logging is set up (JSON lines in production), not before: HAPI logs its version as it starts.
    application.addListeners(new ApplicationListener<ApplicationEnvironmentPreparedEvent>() {
      @Override
      public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        FhirModelPreload.start();
      }
    });
    application.setDefaultProperties(Map.of("server.tomcat.threads.max", requestThreads()));
    application.run(args);
  }
}
