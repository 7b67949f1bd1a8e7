package org.pinpointcds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;

/**
 * Pinpoint: a CDS Hooks 2.0 service that triages petechiae from a patient's FHIR R4 data.
 *
 * <p>It keeps no database and schedules nothing. The two exclusions say so for the test classpath, where the FHIR
 * sandbox's JPA server (H2, Hibernate, Quartz) would otherwise make Spring Boot add them to the service's own tests;
 * in the jar those classes are absent and the exclusions change nothing.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, QuartzAutoConfiguration.class})
public class PinpointApplication {

  public static void main(String[] args) {
    SpringApplication.run(PinpointApplication.class, args);
  }
}
