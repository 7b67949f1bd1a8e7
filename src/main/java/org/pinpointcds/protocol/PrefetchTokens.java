package org.pinpointcds.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of prefetch tokens for one call (CDS Hooks 2.0, Prefetch tokens): {@code context.<field>} for
 * each primitive context field, and {@code userPractitionerId} and its kin from {@code context.userId}.
 */
final class PrefetchTokens {

  private static final Map<String, String> USER_TOKENS = Map.of(
      "Practitioner", "userPractitionerId",
      "PractitionerRole", "userPractitionerRoleId",
      "Patient", "userPatientId",
      "RelatedPerson", "userRelatedPersonId");

  private PrefetchTokens() {}

  static Map<String, String> of(Map<String, String> context) {
    Map<String, String> tokens = new HashMap<>();
    context.forEach((field, value) -> tokens.put("context." + field, value));
    String userId = context.get("userId");
    if (userId != null && userId.contains("/")) {
      String type = userId.substring(0, userId.indexOf('/'));
      String token = USER_TOKENS.get(type);
      if (token != null) {
        tokens.put(token, userId.substring(userId.indexOf('/') + 1));
      }
    }
    return tokens;
  }
}
