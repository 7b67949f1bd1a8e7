package org.pinpointcds.security;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.SecuredApplicationTest;

/** CORS for browser-based EHRs and the CDS Hooks sandbox: preflights need no token, only allowed origins get an answer. */
class CorsPreflightTests extends SecuredApplicationTest {

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      "/cds-services, GET", "/cds-services, POST", "/cds-services, OPTIONS",
      "/cds-services/petechiae-triage, GET", "/cds-services/petechiae-triage, POST", "/cds-services/petechiae-triage, OPTIONS",
      "/cds-services/petechiae-triage/feedback, GET", "/cds-services/petechiae-triage/feedback, POST",
      "/cds-services/petechiae-triage/feedback, OPTIONS"})
  void answersThePreflightOfAnAllowedOrigin(String path, String method) throws Exception {
    mvc.perform(options(path).header("Origin", ORIGIN).header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "authorization, content-type"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN))
        .andExpect(header().string("Access-Control-Allow-Methods", "GET,POST,OPTIONS"))
        .andExpect(header().string("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization")))
        .andExpect(header().string("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type")))
        .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
  }

  @Test
  void refusesThePreflightOfAnotherOrigin() throws Exception {
    mvc.perform(options("/cds-services").header("Origin", "https://intruder.example")
            .header("Access-Control-Request-Method", "GET"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }

  @Test
  void refusesAPreflightForAHeaderNotAllowed() throws Exception {
    mvc.perform(options("/cds-services").header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-forwarded-host"))
        .andExpect(status().isForbidden());
  }

  @Test
  void letsTheBrowserReadAnAnswer() throws Exception {
    mvc.perform(get("/cds-services").header("Origin", ORIGIN).header("Authorization", bearer("/cds-services")))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN));
  }

  @Test
  void letsTheBrowserReadA401Too() throws Exception {
    mvc.perform(get("/cds-services").header("Origin", ORIGIN))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN));
  }
}
