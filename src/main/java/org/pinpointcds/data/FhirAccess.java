package org.pinpointcds.data;

import java.net.URI;
import java.util.Optional;

/**
 * The EHR's FHIR server and the bearer token the request granted for it.
 *
 * <p>The token is transient (CDS Hooks 2.0, Passing the Access Token): never logged, stored or echoed, so
 * {@link #toString()} leaves it out.
 */
public record FhirAccess(URI fhirServer, Optional<String> accessToken) {

  @Override
  public String toString() {
    return "FhirAccess[" + fhirServer + (accessToken.isPresent() ? ", with token" : "") + "]";
  }
}
