package org.pinpointcds.data;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Required prefetch data could be neither read nor fetched: the CDS Hooks answer is 412 Precondition Failed.
 *
 * <p>The message names each key and why it failed; it never holds an access token.
 */
public final class RequiredDataUnavailableException extends RuntimeException {

  private final Map<String, String> reasonsByKey;

  public RequiredDataUnavailableException(Map<String, String> reasonsByKey) {
    super(describe(reasonsByKey));
    this.reasonsByKey = Map.copyOf(reasonsByKey);
  }

  public Map<String, String> reasonsByKey() {
    return reasonsByKey;
  }

  private static String describe(Map<String, String> reasons) {
    return "Required data could not be obtained for prefetch key(s): "
        + reasons.keySet().stream().sorted().collect(Collectors.joining(", "));
  }
}
