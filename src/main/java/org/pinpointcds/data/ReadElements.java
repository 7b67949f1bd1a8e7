package org.pinpointcds.data;

import java.util.Map;
import java.util.Set;

/**
 * The elements Pinpoint reads of each resource type: on the tree ({@link PrefetchSelection}, the prefetch Bundles)
 * or in the models {@link LeanParser} builds for the readers. A choice element {@code name[x]} stands for each of its
 * types: the lean parser looks at them all, to leave two values, or one of a type it does not build, to HAPI's parser.
 * The elements a hook call drops unseen ({@link HookCallTree#UNREAD}) are checked against these.
 */
final class ReadElements {

  /** Read of every resource. */
  private static final Set<String> EVERY_TYPE = Set.of("resourceType", "id");
  private static final Map<String, Set<String>> BY_TYPE = Map.of(
      "Bundle", Set.of("entry", "link"), // the resources, and the next page of a paged prefetch
      "Patient", Set.of("birthDate"),
      "Observation", Set.of("status", "code", "effective[x]", "issued", "value[x]", "dataAbsentReason", "component"),
      "Condition", Set.of("clinicalStatus", "verificationStatus", "code", "onset[x]", "recordedDate"),
      "MedicationStatement", Set.of("status", "medication[x]", "effective[x]", "dateAsserted", "dosage", "contained"),
      "MedicationRequest", Set.of("status", "doNotPerform", "medication[x]", "dosageInstruction", "contained"),
      "Medication", Set.of("code", "form", "ingredient"),
      "ServiceRequest", Set.of("status", "priority", "code", "authoredOn"));

  private ReadElements() {}

  /** Whether Pinpoint reads element {@code name} of a {@code type}: one listed, or a type of a choice listed. */
  static boolean reads(String type, String name) {
    if (EVERY_TYPE.contains(name)) {
      return true;
    }
    for (String element : BY_TYPE.getOrDefault(type, Set.of())) {
      boolean choice = element.endsWith("[x]");
      if (element.equals(name) || choice && name.startsWith(element.substring(0, element.length() - 3))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code names}, as elements no type's readers read.
   *
   * @throws IllegalStateException when some type's are among them: dropping one would change what is read
   */
  static Set<String> notRead(String... names) {
    for (String name : names) {
      for (String type : BY_TYPE.keySet()) {
        if (reads(type, name)) {
          throw new IllegalStateException(type + "." + name + " is read: a hook call cannot leave it out");
        }
      }
    }
    return Set.of(names);
  }
}
