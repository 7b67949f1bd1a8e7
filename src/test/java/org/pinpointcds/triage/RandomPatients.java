package org.pinpointcds.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Seeded random snapshots for property tests, and the changes the properties apply to them. Values straddle
 * every threshold and look-back, so that each property is exercised at and around the edges.
 */
final class RandomPatients {

  private static final Instant NOW = Patients.NOW;

  private final Random random;

  RandomPatients(long seed) {
    this.random = new Random(seed);
  }

  PatientSnapshot snapshot() {
    Optional<LocalDate> birthDate = random.nextInt(10) == 0
        ? Optional.empty()
        : Optional.of(NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(random.nextInt(95 * 365)));
    return new PatientSnapshot("p1", birthDate, times(3, this::finding), times(3, this::temperature),
        times(3, this::platelets), times(2, this::condition), times(2, this::medicine), times(1, this::cbcOrder),
        List.of());
  }

  /** One warning sign of the emergency or same-day rows, added to the snapshot. */
  PatientSnapshot withWarningSign(PatientSnapshot s) {
    return switch (random.nextInt(9)) {
      case 0 -> withTemperature(s, new Temperature("Observation/t-new", When.at(ago(Duration.ofHours(1))),
          38 + random.nextDouble() * 3, false));
      case 1 -> withCondition(s, new ConditionEntry("Condition/new", ConditionKind.FEVER, "fever",
          Optional.of(When.at(ago(Duration.ofHours(5))))));
      case 2 -> withPlatelets(s, new PlateletCount("Observation/plt-new", When.at(NOW), random.nextDouble() * 150,
          PlateletCount.Bound.EXACT, ""));
      case 3 -> withMedicine(s, MedicationUse.current("MedicationRequest/new", "heparin", DrugClass.HEPARINS));
      case 4 -> changeOneFinding(s, c -> copy(c, c.mucosalSites(), add(c.symptoms(), pick(Symptom.values())), c.triggers()));
      case 5 -> changeOneFinding(s, c -> copy(c, add(c.mucosalSites(), pick(MucosalSite.values())), c.symptoms(), c.triggers()));
      case 6 -> changeOneFinding(s, c -> new FindingComponents(c.blanches(), c.onset(), true, c.extents(), c.distributions(),
          c.maxDiameterMm(), c.triggers(), c.mucosalSites(), c.symptoms(), c.lesionFeatures()));
      case 7 -> changeOneFinding(s, c -> new FindingComponents(c.blanches(), c.onset(), c.spreading(),
          add(c.extents(), Extent.WIDESPREAD), c.distributions(), c.maxDiameterMm(), c.triggers(), c.mucosalSites(),
          c.symptoms(), c.lesionFeatures()));
      default -> changeOneFinding(s, c -> new FindingComponents(c.blanches(), c.onset(), c.spreading(), c.extents(),
          c.distributions(), Optional.of(2 + random.nextDouble() * 5), c.triggers(), c.mucosalSites(), c.symptoms(),
          c.lesionFeatures()));
    };
  }

  /** The snapshot with every mechanical trigger of one finding removed. */
  PatientSnapshot withoutATrigger(PatientSnapshot s) {
    return changeOneFinding(s, c -> copy(c, c.mucosalSites(), c.symptoms(), Set.of()));
  }

  /** The snapshot with every platelet count scaled down. */
  PatientSnapshot withLowerPlatelets(PatientSnapshot s) {
    double factor = random.nextDouble();
    return new PatientSnapshot(s.patientId(), s.birthDate(), s.skinFindings(), s.temperatures(),
        s.plateletCounts().stream()
            .map(p -> new PlateletCount(p.reference(), p.takenAt(), p.perNanolitre() * factor, p.bound(),
                p.asRecorded()))
            .toList(),
        s.conditions(), s.medications(), s.cbcOrders(), s.gaps());
  }

  private SkinFinding finding() {
    FindingKind kind = pick(FindingKind.values());
    Optional<Boolean> blanches = switch (random.nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(true);
      default -> Optional.of(false);
    };
    FindingComponents components = new FindingComponents(
        blanches, Optional.empty(), random.nextInt(5) == 0, some(Extent.values(), 3), some(Distribution.values(), 4),
        random.nextBoolean() ? Optional.empty() : Optional.of(random.nextDouble() * 4), some(MechanicalTrigger.values(), 2),
        some(MucosalSite.values(), 10), some(Symptom.values(), 12), some(LesionFeature.values(), 12));
    return new SkinFinding("Observation/skin-" + random.nextInt(1000), kind.name().toLowerCase(), kind,
        When.at(ago(Duration.ofHours(random.nextInt(20 * 24)))), components);
  }

  private Temperature temperature() {
    return new Temperature("Observation/t-" + random.nextInt(1000), When.at(ago(Duration.ofMinutes(random.nextInt(48 * 60)))),
        36 + random.nextDouble() * 4, false);
  }

  private PlateletCount platelets() {
    return new PlateletCount("Observation/plt-" + random.nextInt(1000), When.at(ago(Duration.ofHours(random.nextInt(240)))),
        5 + random.nextDouble() * 300, PlateletCount.Bound.EXACT, "");
  }

  private ConditionEntry condition() {
    ConditionKind kind = pick(ConditionKind.values());
    return new ConditionEntry("Condition/c-" + random.nextInt(1000), kind, kind.name(),
        Optional.of(When.at(ago(Duration.ofHours(random.nextInt(20 * 24))))));
  }

  private MedicationUse medicine() {
    DrugClass drugClass = pick(DrugClass.values());
    Optional<When> ended = random.nextInt(3) == 0
        ? Optional.of(When.at(ago(Duration.ofDays(random.nextInt(120))))) : Optional.empty();
    return new MedicationUse("MedicationStatement/m-" + random.nextInt(1000), drugClass.label(), drugClass,
        ended.isPresent(), ended);
  }

  private CbcOrder cbcOrder() {
    return new CbcOrder("ServiceRequest/cbc-" + random.nextInt(1000), "CBC", When.at(ago(Duration.ofHours(random.nextInt(48)))),
        Optional.of(pick(OrderPriority.values())));
  }

  private PatientSnapshot changeOneFinding(PatientSnapshot s, UnaryOperator<FindingComponents> change) {
    if (s.skinFindings().isEmpty()) {
      return s;
    }
    int index = random.nextInt(s.skinFindings().size());
    List<SkinFinding> findings = new ArrayList<>(s.skinFindings());
    SkinFinding f = findings.get(index);
    findings.set(index, new SkinFinding(f.reference(), f.name(), f.kind(), f.observedAt(), change.apply(f.components())));
    return new PatientSnapshot(s.patientId(), s.birthDate(), findings, s.temperatures(), s.plateletCounts(),
        s.conditions(), s.medications(), s.cbcOrders(), s.gaps());
  }

  private static FindingComponents copy(
      FindingComponents c, Set<MucosalSite> mucosal, Set<Symptom> symptoms, Set<MechanicalTrigger> triggers) {
    return new FindingComponents(c.blanches(), c.onset(), c.spreading(), c.extents(), c.distributions(),
        c.maxDiameterMm(), triggers, mucosal, symptoms, c.lesionFeatures());
  }

  private static PatientSnapshot withTemperature(PatientSnapshot s, Temperature t) {
    return new PatientSnapshot(s.patientId(), s.birthDate(), s.skinFindings(), plus(s.temperatures(), t),
        s.plateletCounts(), s.conditions(), s.medications(), s.cbcOrders(), s.gaps());
  }

  private static PatientSnapshot withCondition(PatientSnapshot s, ConditionEntry c) {
    return new PatientSnapshot(s.patientId(), s.birthDate(), s.skinFindings(), s.temperatures(), s.plateletCounts(),
        plus(s.conditions(), c), s.medications(), s.cbcOrders(), s.gaps());
  }

  /** A low count taken now: the latest, so it is the one the rules read. */
  private static PatientSnapshot withPlatelets(PatientSnapshot s, PlateletCount p) {
    return new PatientSnapshot(s.patientId(), s.birthDate(), s.skinFindings(), s.temperatures(),
        plus(s.plateletCounts(), p), s.conditions(), s.medications(), s.cbcOrders(), s.gaps());
  }

  private static PatientSnapshot withMedicine(PatientSnapshot s, MedicationUse m) {
    return new PatientSnapshot(s.patientId(), s.birthDate(), s.skinFindings(), s.temperatures(), s.plateletCounts(),
        s.conditions(), plus(s.medications(), m), s.cbcOrders(), s.gaps());
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> more = new ArrayList<>(list);
    more.add(item);
    return more;
  }

  private static <E extends Enum<E>> Set<E> add(Set<E> set, E item) {
    Set<E> more = set.isEmpty() ? EnumSet.of(item) : EnumSet.copyOf(set);
    more.add(item);
    return more;
  }

  private <T> List<T> times(int max, Supplier<T> make) {
    List<T> items = new ArrayList<>();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      items.add(make.get());
    }
    return items;
  }

  /** Each value with probability 1 in {@code oneIn}. */
  private <E extends Enum<E>> Set<E> some(E[] values, int oneIn) {
    Set<E> chosen = new HashSet<>();
    for (E value : values) {
      if (random.nextInt(oneIn) == 0) {
        chosen.add(value);
      }
    }
    return chosen;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static Instant ago(Duration duration) {
    return NOW.minus(duration);
  }
}
