package org.pinpointcds.config;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/pinpoint}: the active thresholds, look-backs and terminology (read-only). */
@Endpoint(id = "pinpoint")
public class PinpointEndpoint {

  private final ActiveConfiguration configuration;

  public PinpointEndpoint(ActiveConfiguration configuration) {
    this.configuration = configuration;
  }

  @ReadOperation
  public ActiveConfiguration configuration() {
    return configuration;
  }
}
