package org.pinpointcds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;

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

  public static void main(String[] args) {
    FhirModelPreload.start();
    SpringApplication.run(PinpointApplication.class, args);
  }
}
