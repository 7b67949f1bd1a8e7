package org.pinpointcds.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Triages petechiae: a patient snapshot in, an assessment out (contract section 4).
 *
 * <p>Every rule is evaluated; within a concern the most urgent outcome wins and every reason that fired is
 * kept. A non-blanching finding, or a red one whose blanching is not recorded, is one concern (emergency, same-day
 * CBC, check blanching or watchful waiting); a lesion is another (dermatology referral), so at most two cards come
 * out, most urgent first. Deterministic for a given snapshot and clock.
 */
public final class Triage {

  /** The rows judged for a red finding: every one but the two referrals, each of a concern of its own. */
  private static final List<ReasonKind> NON_BLANCHING_ROWS = Stream.of(ReasonKind.values())
      .filter(kind -> kind != ReasonKind.SUSPICIOUS_LESION && kind != ReasonKind.BLANCHING_LESION)
      .toList();
  /** The emergency red flags other than the count, which the order check applies too (contract 6). */
  private static final List<ReasonKind> RED_FLAG_ROWS = NON_BLANCHING_ROWS.stream()
      .filter(kind -> kind.outcome() == Outcome.EMERGENCY_EVALUATION && kind != ReasonKind.CRITICAL_PLATELETS)
      .toList();

  private final TriageSettings settings;
  private final Clock clock;

  public Triage(TriageSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Assessment assess(PatientSnapshot snapshot) {
    Instant now = clock.instant();
    TriageContext context = TriageContext.of(snapshot, settings, now);
    List<Concern> concerns = new ArrayList<>();
    if (context.hasRedFinding()) {
      concerns.add(nonBlanchingConcern(context, recentCbc(snapshot, now)));
    }
    List<Reason> suspicious = fire(List.of(ReasonKind.SUSPICIOUS_LESION), context);
    if (!suspicious.isEmpty()) {
      concerns.add(referral(Outcome.URGENT_DERMATOLOGY_REFERRAL, suspicious, OrderPriority.URGENT));
    } else if (!context.hasRedFinding()) {
      List<Reason> blanching = fire(List.of(ReasonKind.BLANCHING_LESION), context);
      if (!blanching.isEmpty()) {
        concerns.add(referral(Outcome.ROUTINE_DERMATOLOGY_REFERRAL, blanching, OrderPriority.ROUTINE));
      }
    }
    concerns.sort(Comparator.comparing(Concern::outcome));
    return new Assessment(snapshot.patientId(), now, context.ageYears(), context.isChild(), concerns,
        context.currentMedicines(), context.unread());
  }

  /** What the rules leave out of {@code snapshot} now (look-backs, the latest platelet count), and why. */
  public List<SetAside> setAside(PatientSnapshot snapshot) {
    return SetAsides.of(snapshot, TriageContext.of(snapshot, settings, clock.instant()));
  }

  private Concern nonBlanchingConcern(TriageContext context, Optional<CbcOrder> recentCbc) {
    List<Reason> reasons = fire(NON_BLANCHING_ROWS, context);
    // Never empty (a cause is documented or it is not); the fallback keeps an unforeseen gap on the safe side.
    Outcome outcome = reasons.stream().map(Reason::outcome).reduce(Outcome::mostUrgent).orElse(Outcome.SAME_DAY_CBC);
    List<SuggestedOrder> orders = new ArrayList<>();
    Optional<OrderPriority> priority = switch (outcome) {
      case EMERGENCY_EVALUATION -> Optional.of(OrderPriority.STAT);
      case SAME_DAY_CBC -> Optional.of(OrderPriority.URGENT);
      default -> Optional.empty();
    };
    priority.ifPresent(p -> {
      if (recentCbc.filter(cbc -> cbc.standsInFor(p)).isEmpty()) {
        orders.add(new SuggestedOrder(OrderKind.CBC, p));
      }
      if (context.currentMedicines().stream().anyMatch(m -> m.drugClass() == DrugClass.VITAMIN_K_ANTAGONISTS)) {
        orders.add(new SuggestedOrder(OrderKind.INR, p));
      }
    });
    return new Concern(outcome, reasons, orders, priority.isPresent() ? recentCbc : Optional.empty());
  }

  /**
   * The emergency red flags of a recent red finding other than the platelet count (fever, confusion or neck stiffness,
   * bleeding or mucosal spots): what makes a draft antithrombotic order high-risk (contract 6). Empty without one.
   */
  public List<Reason> redFlags(TriageContext context) {
    return context.hasRedFinding() ? fire(RED_FLAG_ROWS, context) : List.of();
  }

  private static Concern referral(Outcome outcome, List<Reason> reasons, OrderPriority priority) {
    return new Concern(
        outcome, reasons, List.of(new SuggestedOrder(OrderKind.DERMATOLOGY_REFERRAL, priority)), Optional.empty());
  }

  /** Reasons of every rule that fired, most urgent first (stable within an outcome). */
  private List<Reason> fire(List<ReasonKind> rows, TriageContext context) {
    return rows.stream()
        .flatMap(row -> {
          List<Evidence> evidence = row.rule().evidence(context);
          return evidence.isEmpty()
              ? Stream.<Reason>empty()
              : Stream.of(new Reason(row, row.rule().statement(context), evidence, settings.guidanceFor(row)));
        })
        .sorted(Comparator.comparing(Reason::outcome))
        .toList();
  }

  /**
   * The CBC ordered within the look-back that the card names, a stat or asap one first, then the latest: it replaces
   * the CBC suggestion where it may (contract 4).
   */
  public Optional<CbcOrder> recentCbc(PatientSnapshot snapshot, Instant now) {
    return snapshot.cbcOrders().stream()
        .filter(o -> o.authoredOn().within(now, settings.cbcOrderLookback()))
        .max(Comparator.comparing(CbcOrder::isImmediate).thenComparing(o -> o.authoredOn().first()));
  }
}
