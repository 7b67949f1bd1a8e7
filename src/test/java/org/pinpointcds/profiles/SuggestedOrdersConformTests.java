package org.pinpointcds.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ServiceRequests that real cards suggest (every acceptance scenario sent to the HTTP endpoint, the
 * service's clock set to the scenario's moment) conform to PinpointSuggestedOrder.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SuggestedOrdersConformTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ServiceRequest> suggested = new ArrayList<>();

  @TestConfiguration
  static class ScenarioClock {
    static final MovableClock CLOCK = new MovableClock();

    @Bean
    @Primary
    Clock scenarioClock() {
      return CLOCK;
    }
  }

  @BeforeAll
  static void collectSuggestions(@Autowired MockMvc mvc) throws Exception {
    for (Scenarios scenario : Scenarios.all()) {
      if (scenario.expectedStatus() != 200) {
        continue;
      }
      ScenarioClock.CLOCK.now = scenario.asOf();
      String body = mvc.perform(post("/cds-services/petechiae-triage")
              .contentType(MediaType.APPLICATION_JSON).content(scenario.request().toString()))
          .andReturn().getResponse().getContentAsString();
      for (JsonNode card : JSON.readTree(body).path("cards")) {
        for (JsonNode suggestion : card.path("suggestions")) {
          for (JsonNode action : suggestion.path("actions")) {
            suggested.add((ServiceRequest) FhirPackage.parse(scenario + " suggestion", action.path("resource").toString()));
          }
        }
      }
    }
  }

  @Test
  void everySuggestedServiceRequestConformsToPinpointSuggestedOrder() {
    assertThat(suggested).isNotEmpty();
    for (ServiceRequest order : suggested) {
      assertThat(PackageValidator.get().errors(order, FhirPackage.SUGGESTED_ORDER))
          .as(FhirPackage.FHIR.newJsonParser().encodeResourceToString(order))
          .isEmpty();
    }
  }

  @Test
  void everySuggestedServiceRequestDeclaresTheProfile() {
    assertThat(suggested).allSatisfy(order -> assertThat(order.getMeta().getProfile())
        .anyMatch(p -> FhirPackage.SUGGESTED_ORDER.equals(p.getValue())));
  }

  @Test
  void theScenariosExerciseEveryKindOfSuggestion() {
    Set<String> kinds = new TreeSet<>();
    suggested.forEach(order -> kinds.add(order.getPriority().toCode() + " " + (order.getCode().hasCoding()
        ? order.getCode().getCodingFirstRep().getCode() : order.getCode().getText())));

    assertThat(kinds).contains("stat 58410-2", "urgent 58410-2", "urgent 34714-6");
    assertThat(kinds).anyMatch(k -> k.contains("dermatology"));
  }

  /** A clock the test moves to each scenario's moment. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
