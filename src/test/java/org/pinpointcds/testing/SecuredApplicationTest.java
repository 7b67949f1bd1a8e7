package org.pinpointcds.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application as the production profile runs it, behind a proxy at {@link #BASE_URL}: a JWT required on every
 * call, one trusted client (its JWK Set in a file), one allowed browser origin. Every subclass shares one Spring
 * context, so keep this configuration as it is and add none of your own.
 */
@SpringBootTest(properties = {
    "pinpoint.security.require-token=true",
    "pinpoint.security.external-base-url=" + SecuredApplicationTest.BASE_URL,
    "pinpoint.cors.allowed-origins=" + SecuredApplicationTest.ORIGIN})
@AutoConfigureMockMvc
public abstract class SecuredApplicationTest {

  public static final String BASE_URL = "https://cds.hospital.example";
  public static final String ORIGIN = "https://sandbox.cds-hooks.org";
  public static final String SERVICE = "/cds-services/petechiae-triage";
  public static final String FEEDBACK = SERVICE + "/feedback";

  @Autowired
  protected MockMvc mvc;

  @DynamicPropertySource
  static void trustTheTestClient(DynamicPropertyRegistry registry) {
    TestClient.trust(registry);
  }

  /** A fresh valid token for the endpoint at {@code path}. */
  protected static String bearer(String path) {
    return TestClient.bearer(BASE_URL + path);
  }
}
