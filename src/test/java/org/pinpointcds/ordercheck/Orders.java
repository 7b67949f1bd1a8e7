package org.pinpointcds.ordercheck;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Guidance;
import org.pinpointcds.triage.Patients;

/** Order checks of hand-made patients, at the triage fixtures' moment, with the contract's default thresholds. */
public final class Orders {

  private Orders() {}

  /** The defaults of contract v2 section 6: platelets 20 / 50 / 150, a count from the last 7 days. */
  public static OrderCheckSettings defaultSettings() {
    return new OrderCheckSettings(20, 50, 150, Duration.ofDays(7), Arrays.stream(OrderCheckOutcome.values())
        .collect(Collectors.toMap(Function.identity(),
            o -> new Guidance("guidance for " + o.code(), "https://example.org/" + o.code()))));
  }

  public static OrderAssessment check(Patients.Builder patient) {
    return new OrderCheck(defaultSettings(), Patients.defaultSettings(), Patients.CLOCK).assess(patient.build());
  }

  /** An adult for whom apixaban is being ordered. */
  public static Patients.Builder apixabanFor() {
    return Patients.adult().draftOrder(DrugClass.FACTOR_XA_INHIBITORS, "apixaban");
  }

  /** The outcome of the first card; empty when no card would come out. */
  public static Optional<OrderCheckOutcome> outcome(Patients.Builder patient) {
    return check(patient).concerns().stream().findFirst().map(OrderConcern::outcome);
  }

  /** Every row that holds for the first card, most urgent first. */
  public static List<OrderCheckOutcome> rows(Patients.Builder patient) {
    return check(patient).concerns().get(0).reasons().stream().map(OrderReason::outcome).toList();
  }
}
