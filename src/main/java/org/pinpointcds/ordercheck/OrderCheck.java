package org.pinpointcds.ordercheck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.OrderPriority;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Triage;
import org.pinpointcds.triage.TriageContext;
import org.pinpointcds.triage.TriageSettings;
import org.pinpointcds.triage.SuggestedOrder;

/**
 * Checks draft orders of drugs that act on bleeding against the patient's platelets and skin findings (contract
 * section 6): a patient snapshot with its draft orders in, an assessment out.
 *
 * <p>The rows judge the patient, not the drug: every draft order that acts on bleeding gets the same rows, and one
 * card each. The patient is read as the triage reads them ({@link TriageContext}), so both services see the same
 * findings, counts and red flags. Deterministic for a given snapshot and clock.
 */
public final class OrderCheck {

  private static final List<OrderRule> ROWS = List.of(
      new HighRiskOrderRule(), new AvoidFullDoseRule(), new CheckPlateletsFirstRule(), new LowPlateletsNotedRule());

  private final OrderCheckSettings settings;
  private final TriageSettings triageSettings;
  private final Triage triage;
  private final Clock clock;

  public OrderCheck(OrderCheckSettings settings, TriageSettings triageSettings, Clock clock) {
    this.settings = settings;
    this.triageSettings = triageSettings;
    this.triage = new Triage(triageSettings, clock);
    this.clock = clock;
  }

  public OrderAssessment assess(PatientSnapshot snapshot) {
    Instant now = clock.instant();
    TriageContext patient = TriageContext.of(snapshot, triageSettings, now);
    OrderCheckContext context = new OrderCheckContext(settings, patient, triage.redFlags(patient));
    List<OrderReason> reasons = fire(context);
    List<OrderConcern> concerns = new ArrayList<>();
    if (!reasons.isEmpty()) {
      Optional<CbcOrder> recentCbc = triage.recentCbc(snapshot, now);
      drafts(snapshot).forEach(draft -> concerns.add(concern(draft, reasons, recentCbc)));
    }
    return new OrderAssessment(snapshot.patientId(), now, patient.latestPlateletCount(),
        context.criticalCount().isPresent(), redFinding(patient),
        context.redFlags(), concerns, patient.unread());
  }

  private static OrderConcern concern(DraftOrder draft, List<OrderReason> reasons, Optional<CbcOrder> recentCbc) {
    OrderCheckOutcome outcome = reasons.get(0).outcome();
    List<SuggestedOrder> orders = new ArrayList<>(2);
    if (outcome.suggestsAction()) {
      OrderPriority priority = outcome == OrderCheckOutcome.HIGH_RISK_ORDER ? OrderPriority.STAT : OrderPriority.URGENT;
      if (recentCbc.filter(cbc -> cbc.standsInFor(priority)).isEmpty()) {
        orders.add(new SuggestedOrder(OrderKind.CBC, priority));
      }
      if (draft.isVitaminKAntagonist()) {
        orders.add(new SuggestedOrder(OrderKind.INR, priority));
      }
    }
    return new OrderConcern(draft, reasons, orders, outcome.suggestsAction() ? recentCbc : Optional.empty());
  }

  /** Each draft order whose medicine acts on bleeding, once, with all its classes (a combination has several). */
  private static List<DraftOrder> drafts(PatientSnapshot snapshot) {
    Map<String, List<MedicationUse>> byOrder = new LinkedHashMap<>();
    snapshot.draftOrders().stream().filter(use -> use.drugClass().actsOnBleeding())
        .forEach(use -> byOrder.computeIfAbsent(use.reference(), r -> new ArrayList<>()).add(use));
    return byOrder.values().stream().map(uses -> {
      Set<DrugClass> classes = EnumSet.noneOf(DrugClass.class);
      uses.forEach(use -> classes.add(use.drugClass()));
      return new DraftOrder(uses.get(0).reference(), uses.get(0).name(), classes);
    }).toList();
  }

  private static Optional<String> redFinding(TriageContext patient) {
    return patient.latestRedFinding().map(SkinFinding::name)
        .or(() -> patient.petechiaeConditions().stream().findFirst().map(c -> "petechiae (diagnosis)"));
  }

  /** Every row that holds, most urgent first. */
  private List<OrderReason> fire(OrderCheckContext context) {
    List<OrderReason> reasons = new ArrayList<>();
    for (OrderRule row : ROWS) {
      List<Evidence> evidence = row.evidence(context);
      if (!evidence.isEmpty()) {
        reasons.add(new OrderReason(row.outcome(), row.statement(context), evidence,
            settings.guidance().get(row.outcome())));
      }
    }
    reasons.sort(Comparator.comparing(OrderReason::outcome));
    return reasons;
  }
}
