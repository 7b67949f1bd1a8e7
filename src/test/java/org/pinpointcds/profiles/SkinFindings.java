package org.pinpointcds.profiles;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/** Finds skin-finding Observations: coded from the skin-finding system or carrying skin-finding components. */
final class SkinFindings {

  private static final String FINDING_SYSTEM = FhirPackage.CANONICAL + "/CodeSystem/skin-finding";
  private static final String COMPONENT_SYSTEM = FhirPackage.CANONICAL + "/CodeSystem/skin-finding-component";

  private SkinFindings() {}

  /** The resource itself and, for a Bundle, every entry's resource (nested Bundles included). */
  static Stream<Resource> flatten(Resource resource) {
    if (resource instanceof Bundle bundle) {
      return Stream.concat(Stream.of(resource), bundle.getEntry().stream()
          .filter(Bundle.BundleEntryComponent::hasResource)
          .flatMap(entry -> flatten(entry.getResource())));
    }
    return Stream.of(resource);
  }

  static List<Observation> in(Resource resource) {
    return flatten(resource)
        .filter(r -> r instanceof Observation)
        .map(Observation.class::cast)
        .filter(SkinFindings::isSkinFinding)
        .toList();
  }

  static boolean isSkinFinding(Observation observation) {
    return observation.getCode().getCoding().stream().anyMatch(c -> FINDING_SYSTEM.equals(c.getSystem()))
        || observation.getComponent().stream()
            .flatMap(c -> c.getCode().getCoding().stream())
            .anyMatch(c -> COMPONENT_SYSTEM.equals(c.getSystem()));
  }
}
