package org.pinpointcds.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Named fixture patients and a builder for hand-made snapshots, triaged at a fixed moment with the contract's
 * default thresholds (section 4).
 */
public final class Patients {

  public static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Patients() {}

  /** The defaults of contract v1: 14-day findings, 38.0 °C in 24 h, fever Condition 72 h, platelets 20/150, 2 mm, under 16, CBC 24 h. */
  public static TriageSettings defaultSettings() {
    Map<DrugClass, Duration> lookbacks = new EnumMap<>(DrugClass.class);
    lookbacks.put(DrugClass.VITAMIN_K_ANTAGONISTS, Duration.ofDays(7));
    lookbacks.put(DrugClass.HEPARINS, Duration.ofDays(2));
    lookbacks.put(DrugClass.DIRECT_THROMBIN_INHIBITORS, Duration.ofDays(3));
    lookbacks.put(DrugClass.FACTOR_XA_INHIBITORS, Duration.ofDays(3));
    lookbacks.put(DrugClass.FONDAPARINUX, Duration.ofDays(5));
    lookbacks.put(DrugClass.ANTIPLATELETS, Duration.ofDays(10));
    lookbacks.put(DrugClass.SYSTEMIC_CORTICOSTEROIDS, Duration.ofDays(90));
    lookbacks.put(DrugClass.TOPICAL_CORTICOSTEROIDS, Duration.ofDays(90));
    Map<ReasonKind, Guidance> guidance = Arrays.stream(ReasonKind.values()).collect(Collectors.toMap(
        Function.identity(), kind -> new Guidance("guidance for " + kind.code(), "https://example.org/" + kind.code())));
    return new TriageSettings(Duration.ofDays(14), 38.0, Duration.ofHours(24), Duration.ofHours(72), 20, 150, 2, 16,
        Duration.ofHours(24), ZoneOffset.UTC, lookbacks, guidance);
  }

  public static Triage triage() {
    return new Triage(defaultSettings(), CLOCK);
  }

  public static Builder adult() {
    return aged(45);
  }

  public static Builder aged(int years) {
    return new Builder(Optional.of(NOW.atZone(ZoneOffset.UTC).toLocalDate().minusYears(years).minusDays(30)));
  }

  /** A patient whose birthday is {@code years} years ago today. */
  public static Builder turningToday(int years) {
    return bornOn(NOW.atZone(ZoneOffset.UTC).toLocalDate().minusYears(years));
  }

  public static Builder bornOn(LocalDate birthDate) {
    return new Builder(Optional.of(birthDate));
  }

  public static Builder ofUnknownAge() {
    return new Builder(Optional.empty());
  }

  /** Localised petechiae on the face after forceful vomiting, afebrile, normal platelets: watchful waiting. */
  public static Builder wellAdultAfterVomiting() {
    return adult()
        .with(Findings.petechiae().blanches(false).extent(Extent.LOCALIZED).trigger(MechanicalTrigger.VOMITING))
        .temperature(37.1, Duration.ofHours(1))
        .platelets(240, Duration.ofDays(2));
  }

  /** Petechiae with no cause recorded and nothing else: a same-day CBC. */
  public static Builder adultWithUnexplainedPetechiae() {
    return adult().with(Findings.petechiae());
  }

  /** A 78-year-old on warfarin with localised petechiae after exercise. */
  public static Builder elderlyOnWarfarin() {
    return aged(78)
        .with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(MechanicalTrigger.EXERCISE))
        .medicine(DrugClass.VITAMIN_K_ANTAGONISTS, "warfarin");
  }

  public static Builder adultWithCherryAngioma() {
    return adult().with(Findings.cherryAngioma());
  }

  public static final class Builder {

    private final Optional<LocalDate> birthDate;
    private final List<Findings.Builder> findings = new ArrayList<>();
    private final List<Temperature> temperatures = new ArrayList<>();
    private final List<PlateletCount> platelets = new ArrayList<>();
    private final List<ConditionEntry> conditions = new ArrayList<>();
    private final List<MedicationUse> medicines = new ArrayList<>();
    private final List<CbcOrder> cbcOrders = new ArrayList<>();
    private final List<DataGap> gaps = new ArrayList<>();
    private final List<MedicationUse> draftOrders = new ArrayList<>();

    private Builder(Optional<LocalDate> birthDate) {
      this.birthDate = birthDate;
    }

    public Builder with(Findings.Builder finding) {
      findings.add(finding);
      return this;
    }

    /** Applies {@code change} to every finding added so far (the fixture's own findings included). */
    public Builder changeFindings(Consumer<Findings.Builder> change) {
      findings.forEach(change);
      return this;
    }

    public Builder temperature(double celsius, Duration ago) {
      temperatures.add(new Temperature("Observation/temp-" + temperatures.size(), When.at(NOW.minus(ago)), celsius, false));
      return this;
    }

    public Builder platelets(double perNanolitre, Duration ago) {
      return platelets(PlateletCount.Bound.EXACT, perNanolitre, ago);
    }

    /** A count reported with a comparator: {@code AT_MOST} for {@code <} and {@code <=}, {@code AT_LEAST} for the others. */
    public Builder platelets(PlateletCount.Bound bound, double perNanolitre, Duration ago) {
      platelets.add(new PlateletCount("Observation/plt-" + platelets.size(), When.at(NOW.minus(ago)), perNanolitre,
          bound, bound.symbol() + Formats.number(perNanolitre) + " 10*3/uL"));
      return this;
    }

    /** A temperature dated only by the day {@code daysAgo} days before today (contract 5.1). */
    public Builder temperatureOnDay(double celsius, int daysAgo) {
      java.time.LocalDate day = NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(daysAgo);
      temperatures.add(new Temperature("Observation/temp-" + temperatures.size(), When.period(day.toString(),
          day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
          celsius, false));
      return this;
    }

    public Builder condition(ConditionKind kind, Duration ago) {
      conditions.add(new ConditionEntry("Condition/c-" + conditions.size(), kind, kind.name().toLowerCase(),
          Optional.of(When.at(NOW.minus(ago)))));
      return this;
    }

    /** A Condition with no onset or recorded date: only a known thrombocytopenia counts so. */
    public Builder undatedCondition(ConditionKind kind) {
      conditions.add(new ConditionEntry("Condition/c-" + conditions.size(), kind, kind.name().toLowerCase(),
          Optional.empty()));
      return this;
    }

    public Builder medicine(DrugClass drugClass, String name) {
      medicines.add(MedicationUse.current("MedicationStatement/m-" + medicines.size(), name, drugClass));
      return this;
    }

    public Builder stoppedMedicine(DrugClass drugClass, String name, Duration ago) {
      medicines.add(new MedicationUse("MedicationStatement/m-" + medicines.size(), name, drugClass, true,
          Optional.of(When.at(NOW.minus(ago)))));
      return this;
    }

    /** A draft MedicationRequest of an order-sign or order-select call (contract 6). */
    public Builder draftOrder(DrugClass drugClass, String name) {
      draftOrders.add(MedicationUse.current("MedicationRequest/draft-" + draftOrders.size(), name, drugClass));
      return this;
    }

    public Builder cbcOrdered(Duration ago) {
      return cbcOrdered(ago, OrderPriority.ROUTINE);
    }

    public Builder cbcOrdered(Duration ago, OrderPriority priority) {
      cbcOrders.add(new CbcOrder("ServiceRequest/cbc-" + cbcOrders.size(), "CBC", When.at(NOW.minus(ago)),
          Optional.of(priority)));
      return this;
    }

    /** A resource the data layer could not read, {@code ago} old. */
    public Builder unread(DataGap.Kind kind, String reason, Duration ago) {
      gaps.add(new DataGap("key", "Observation/unread-" + gaps.size(), kind, reason, reason + " detail",
          Optional.of(When.at(NOW.minus(ago)))));
      return this;
    }

    public PatientSnapshot build() {
      return new PatientSnapshot("p1", birthDate, findings.stream().map(f -> f.build(NOW)).toList(), temperatures,
          platelets, conditions, medicines, cbcOrders, gaps, draftOrders);
    }

    public Assessment assess() {
      return triage().assess(build());
    }

    /** The most urgent outcome of the assessment; empty when no card would come out. */
    public Optional<Outcome> outcome() {
      return Assessments.mostUrgent(assess());
    }

    /** Every reason that fired, across concerns. */
    public Set<ReasonKind> reasons() {
      return Assessments.reasons(assess());
    }
  }
}
