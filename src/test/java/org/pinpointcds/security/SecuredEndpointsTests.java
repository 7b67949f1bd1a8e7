package org.pinpointcds.security;

import org.pinpointcds.endpoints.EndpointPaths;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pinpointcds.feedback.FeedbackReportController;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.SecuredApplicationTest;
import org.pinpointcds.testing.TestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;

/** The running application with a JWT required: every endpoint refuses a call without one, and a token works once. */
class SecuredEndpointsTests extends SecuredApplicationTest {

  private static RequestBuilder serviceCall(String authorization) {
    return post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", authorization)
        .content(HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p1", Instant.now()));
  }

  @Test
  void answersDiscoveryWithAValidToken() throws Exception {
    mvc.perform(get("/cds-services").header("Authorization", bearer("/cds-services")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.services[*].id", hasItem("petechiae-triage")));
  }

  @Test
  void answersAServiceCallWithAValidToken() throws Exception {
    mvc.perform(serviceCall(bearer(SERVICE))).andExpect(status().isOk()).andExpect(jsonPath("$.cards").isNotEmpty());
  }

  @Test
  void refusesDiscoveryWithoutAToken() throws Exception {
    mvc.perform(get("/cds-services"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().bytes(new byte[0]));
  }

  @Test
  void refusesAServiceCallWithoutAToken() throws Exception {
    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().bytes(new byte[0]));
  }

  @Test
  void refusesFeedbackWithoutAToken() throws Exception {
    mvc.perform(post(FEEDBACK).contentType(MediaType.APPLICATION_JSON)
            .content(HookRequests.accepted("card-1", "suggestion-1", Instant.now())))
        .andExpect(status().isUnauthorized())
        .andExpect(content().bytes(new byte[0]));
  }

  @Test
  void refusesTheFeedbackReportWithoutAToken() throws Exception {
    mvc.perform(get(EndpointPaths.FEEDBACK_REPORT)).andExpect(status().isUnauthorized());
  }

  @Test
  void refusesAnUnknownServiceWithoutATokenBeforeSayingItIsUnknown() throws Exception {
    mvc.perform(post("/cds-services/no-such-service").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void refusesTheSameTokenTheSecondTime() throws Exception {
    String authorization = bearer(SERVICE);

    mvc.perform(serviceCall(authorization)).andExpect(status().isOk());
    mvc.perform(serviceCall(authorization)).andExpect(status().isUnauthorized()).andExpect(content().bytes(new byte[0]));
  }

  @Test
  void refusesATokenMadeForAnotherEndpoint() throws Exception {
    mvc.perform(serviceCall(bearer("/cds-services"))).andExpect(status().isUnauthorized());
  }

  @Test
  void refusesATokenAddressedToTheUrlBehindTheProxy() throws Exception {
    String internal = "Bearer " + TestClient.shared().token("http://localhost" + SERVICE, Instant.now());

    mvc.perform(serviceCall(internal)).andExpect(status().isUnauthorized());
  }
}
