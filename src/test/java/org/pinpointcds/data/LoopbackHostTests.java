package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loopback exception to {@code require-https}: this machine's IP literals and localhost, nothing like them. */
class LoopbackHostTests {

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/fhir", "http://127.255.3.4/fhir", "http://[::1]:8080/fhir",
      "http://localhost:8080/fhir", "http://LocalHost/fhir"})
  void thisMachineIsLoopback(String url) {
    assertThat(LoopbackHost.isLoopback(URI.create(url))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.evil.example/fhir", "http://127.0.0.1.evil.example/fhir",
      "http://localhost.example.com/fhir", "http://127.0.0.256/fhir", "http://127.1/fhir", "http://127.0.0.01/fhir",
      "http://128.0.0.1/fhir", "http://[::2]/fhir", "http://[::ffff:127.0.0.1]/fhir", "http://ehr.example.org/fhir",
      "file:///etc/hosts"})
  void anythingElseIsNot(String url) {
    assertThat(LoopbackHost.isLoopback(URI.create(url))).isFalse();
  }
}
