package org.pinpointcds.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Skin findings for triage tests: {@code Findings.petechiae().trigger(VOMITING).hoursAgo(3)}. */
public final class Findings {

  private static final AtomicInteger IDS = new AtomicInteger();

  private Findings() {}

  public static Builder petechiae() {
    return new Builder("petechiae", FindingKind.NON_BLANCHING);
  }

  public static Builder purpura() {
    return new Builder("purpura", FindingKind.PURPURA);
  }

  public static Builder nonBlanchingRash() {
    return new Builder("non-blanching rash", FindingKind.NON_BLANCHING);
  }

  public static Builder cherryAngioma() {
    return new Builder("cherry angioma", FindingKind.BLANCHING);
  }

  public static Builder telangiectasia() {
    return new Builder("telangiectasia", FindingKind.BLANCHING);
  }

  /** A red spot not yet characterised: its glass test decides. */
  public static Builder redSkinLesion() {
    return new Builder("red skin lesion", FindingKind.UNCHARACTERISED);
  }

  public static final class Builder {

    private final String name;
    private final FindingKind kind;
    private Duration age = Duration.ofHours(1);
    private Optional<Boolean> blanches = Optional.empty();
    private boolean spreading;
    private final Set<Extent> extents = EnumSet.noneOf(Extent.class);
    private final Set<Distribution> distributions = EnumSet.noneOf(Distribution.class);
    private Optional<Double> maxDiameterMm = Optional.empty();
    private final Set<MechanicalTrigger> triggers = EnumSet.noneOf(MechanicalTrigger.class);
    private final Set<MucosalSite> mucosalSites = EnumSet.noneOf(MucosalSite.class);
    private final Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    private final Set<LesionFeature> features = EnumSet.noneOf(LesionFeature.class);

    private Builder(String name, FindingKind kind) {
      this.name = name;
      this.kind = kind;
    }

    public Builder observedAgo(Duration age) {
      this.age = age;
      return this;
    }

    public Builder blanches(boolean value) {
      blanches = Optional.of(value);
      return this;
    }

    public Builder spreading() {
      spreading = true;
      return this;
    }

    public Builder extent(Extent extent) {
      extents.add(extent);
      return this;
    }

    public Builder distribution(Distribution distribution) {
      distributions.add(distribution);
      return this;
    }

    public Builder maxDiameterMm(double mm) {
      maxDiameterMm = Optional.of(mm);
      return this;
    }

    public Builder trigger(MechanicalTrigger trigger) {
      triggers.add(trigger);
      return this;
    }

    public Builder withoutTriggers() {
      triggers.clear();
      return this;
    }

    public Builder mucosal(MucosalSite site) {
      mucosalSites.add(site);
      return this;
    }

    public Builder symptom(Symptom symptom) {
      symptoms.add(symptom);
      return this;
    }

    public Builder feature(LesionFeature feature) {
      features.add(feature);
      return this;
    }

    SkinFinding build(Instant now) {
      return new SkinFinding(
          "Observation/skin-" + IDS.incrementAndGet(), name, kind, When.at(now.minus(age)),
          new FindingComponents(blanches, Optional.empty(), spreading, extents, distributions, maxDiameterMm, triggers,
              mucosalSites, symptoms, features));
    }
  }
}
