package org.pinpointcds.site;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.pinpointcds.testing.TestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The production profile switches the diagnostics endpoint off and says so at /actuator/pinpoint. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("production")
class ProductionProfileTests {

  /** Production refuses to start without a trusted CDS client and the external base URL. */
  @DynamicPropertySource
  static void trustedClient(DynamicPropertyRegistry registry) {
    registry.add("pinpoint.security.clients[0].issuer", () -> TestClient.ISSUER);
    registry.add("pinpoint.security.clients[0].jwks-uri", () -> TestClient.shared().jwksFile());
    registry.add("pinpoint.security.external-base-url", () -> "https://cds.hospital.example/pinpoint");
    // Production moves the actuator to its own port; this test reads it on the application's (mock) port.
    registry.add("management.server.port", () -> "${server.port:8080}");
  }

  @Autowired
  private MockMvc mvc;

  @Test
  void theDiagnosticsEndpointIsNotThereInProduction() throws Exception {
    mvc.perform(post("/diagnostics/patient-data").param("patientId", "p1")
            .contentType(MediaType.APPLICATION_JSON).content("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void theActuatorSaysDiagnosticsAreOff() throws Exception {
    mvc.perform(get("/actuator/pinpoint"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.diagnosticsEnabled").value(false));
  }
}
