package org.pinpointcds.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import org.pinpointcds.testing.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The application with its metrics exported as in production (Prometheus), one trusted client whose tokens are
 * verified when present (a call without one is anonymous), behind a proxy at {@link #BASE_URL}, and the feedback
 * gauges read from the database on every scrape. Every subclass shares one Spring context: add no configuration.
 */
@SpringBootTest(properties = {
    "pinpoint.security.external-base-url=" + ObservedApplicationTest.BASE_URL,
    "pinpoint.metrics.feedback-refresh=PT0S"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
abstract class ObservedApplicationTest {

  static final String BASE_URL = "https://cds.hospital.example";
  static final String SERVICE = "/cds-services/petechiae-triage";

  @Autowired
  protected MockMvc mvc;

  @DynamicPropertySource
  static void trustTheTestClient(DynamicPropertyRegistry registry) {
    TestClient.trust(registry);
  }

  /**
   * A call's answer once the servlet container has completed it: a call that fetches from a FHIR server is answered
   * asynchronously, which MockMvc completes only in a second (async) dispatch.
   */
  MockHttpServletResponse answer(RequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    return result.getRequest().isAsyncStarted()
        ? mvc.perform(asyncDispatch(result)).andReturn().getResponse()
        : result.getResponse();
  }

  /** A fresh valid token for the endpoint at {@code path}. */
  static String bearer(String path) {
    return TestClient.bearer(BASE_URL + path);
  }
}
