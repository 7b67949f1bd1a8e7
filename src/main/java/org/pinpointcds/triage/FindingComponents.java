package org.pinpointcds.triage;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The components of a skin finding (contract section 3.1). Every one is optional; repeated codes are
 * collected into sets.
 *
 * @param blanches result of the glass test: true = fades under pressure
 * @param spreading true when any component says new spots are appearing
 * @param maxDiameterMm the largest spot, in millimetres
 */
public record FindingComponents(
    Optional<Boolean> blanches,
    Optional<Instant> onset,
    boolean spreading,
    Set<Extent> extents,
    Set<Distribution> distributions,
    Optional<Double> maxDiameterMm,
    Set<MechanicalTrigger> triggers,
    Set<MucosalSite> mucosalSites,
    Set<Symptom> symptoms,
    Set<LesionFeature> lesionFeatures) {

  public static final FindingComponents NONE =
      new FindingComponents(
          Optional.empty(), Optional.empty(), false, Set.of(), Set.of(), Optional.empty(),
          Set.of(), Set.of(), Set.of(), Set.of());

  public FindingComponents {
    extents = Set.copyOf(extents);
    distributions = Set.copyOf(distributions);
    triggers = Set.copyOf(triggers);
    mucosalSites = Set.copyOf(mucosalSites);
    symptoms = Set.copyOf(symptoms);
    lesionFeatures = Set.copyOf(lesionFeatures);
  }
}
