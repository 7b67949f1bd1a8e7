package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pinpointcds.PinpointApplication;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service, started on the test classpath (which holds the sandbox and HAPI's JPA stack), is the service alone:
 * its component scan does not find the sandbox, and the JPA jars give it no JPA, scheduler, Thymeleaf pages or
 * search-engine client. Its one database is its own (feedback and audit, plain JDBC). Its OpenAPI document
 * (springdoc) is its own too, and it holds only the service's endpoints (ApiDocumentationTests).
 */
@SpringBootTest(classes = PinpointApplication.class)
class ServiceIgnoresSandboxTest {

  private static final List<String> FOREIGN_PACKAGES = List.of(
      "org.pinpointcds.sandbox.", "ca.uhn.fhir.jpa.", "org.hibernate.", "org.quartz.",
      "org.thymeleaf.", "org.elasticsearch.", "co.elastic.", "org.apache.commons.dbcp2.");

  @Autowired
  private ConfigurableApplicationContext context;

  @Test
  void startsNoJpaOrScheduling() {
    assertThat(context.getBeanNamesForType(DataSource.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(EntityManagerFactory.class)).isEmpty();
    assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
  }

  @Test
  void holdsNoBeanOfTheSandboxOrItsStack() {
    List<String> foreign = Arrays.stream(context.getBeanDefinitionNames())
        .map(name -> context.getBeanFactory().getType(name))
        .filter(Objects::nonNull)
        .map(Class::getName)
        .filter(type -> FOREIGN_PACKAGES.stream().anyMatch(type::startsWith))
        .toList();

    assertThat(foreign).isEmpty();
  }
}
