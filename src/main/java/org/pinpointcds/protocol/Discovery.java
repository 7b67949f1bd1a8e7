package org.pinpointcds.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The discovery document: {@code {"services": [...]}}, sorted by id. */
public record Discovery(List<Service> services) {

  /** One service as discovery shows it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Service(String hook, String title, String description, String id, Map<String, String> prefetch) {}
}
