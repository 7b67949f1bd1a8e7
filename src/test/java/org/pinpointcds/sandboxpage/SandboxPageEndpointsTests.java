package org.pinpointcds.sandboxpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pinpointcds.security.BuiltInClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What the page is made of, over HTTP: the page, its files, its scenarios, and the tokens it signs with. */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxPageEndpointsTests {

  private static final String TOKEN = "/sandbox/token";
  private static final String SERVICE = "/cds-services/petechiae-triage";

  @Autowired
  MockMvc mvc;

  @Test
  void servesThePageWithAPolicyThatLetsOnlyItsOwnFilesRun() throws Exception {
    mvc.perform(get("/sandbox"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(header().string("Content-Security-Policy", SandboxPageController.CONTENT_SECURITY_POLICY))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("src=\"sandbox/sandbox.js\"")));
    mvc.perform(get("/sandbox/sandbox.js")).andExpect(status().isOk());
    mvc.perform(get("/sandbox/sandbox.css")).andExpect(status().isOk());
  }

  @Test
  void anUnknownPathIsStillA404OperationOutcomeInsideAndOutsideTheSandbox() throws Exception {
    for (String path : new String[] {"/sandbox/missing.js", "/sandbox/../application.yml", "/static/index.html"}) {
      mvc.perform(get(path))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
    }
  }

  @Test
  void listsEveryScenarioShippedInTheJarWhichAreTheSharedOnes() throws Exception {
    String[] shared = Stream.of("scenarios", "scenarios-orders")
        .flatMap(folder -> Arrays.stream(Objects.requireNonNull(new File("src/test/resources/" + folder).list())))
        .map(name -> name.replace(".json", "")).sorted().toArray(String[]::new);

    mvc.perform(get("/sandbox/scenarios.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(shared.length))
        .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(shared)))
        .andExpect(jsonPath("$[0].request.prefetch.patient.resourceType").value("Patient"));
  }

  @Test
  void mintsAShortLivedTokenForTheEndpointCalledWithAFreshJti() throws Exception {
    JWTClaimsSet first = claims(mvc.perform(post(TOKEN).param("path", SERVICE))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issuer").value(SandboxPageConfiguration.CLIENT_ISSUER))
        .andReturn().getResponse().getContentAsString());
    JWTClaimsSet second = claims(mvc.perform(post(TOKEN).param("path", SERVICE + "/feedback"))
        .andReturn().getResponse().getContentAsString());

    assertThat(first.getIssuer()).isEqualTo(SandboxPageConfiguration.CLIENT_ISSUER);
    assertThat(first.getAudience()).containsExactly("http://localhost" + SERVICE);
    assertThat(second.getAudience()).containsExactly("http://localhost" + SERVICE + "/feedback");
    assertThat(first.getExpirationTime().getTime() - first.getIssueTime().getTime())
        .isEqualTo(BuiltInClient.TOKEN_LIFETIME.toMillis());
    assertThat(first.getJWTID()).isNotEqualTo(second.getJWTID());
  }

  @Test
  void mintsNoTokenForAnotherPathNorForACallerElsewhere() throws Exception {
    mvc.perform(post(TOKEN).param("path", "/sandbox/token"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
    mvc.perform(post(TOKEN).param("path", SERVICE).with(request -> {
      request.setRemoteAddr("192.0.2.10");
      return request;
    }))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.issue[0].code").value("forbidden"));
    mvc.perform(post(TOKEN).param("path", SERVICE).header("Host", "rebound.example.org"))
        .andExpect(status().isForbidden());
  }

  private static JWTClaimsSet claims(String answer) throws Exception {
    String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).get("token").asText();
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES384");
    return jwt.getJWTClaimsSet();
  }
}
