package org.pinpointcds.ordercheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Formats;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.TriageContext;

/**
 * Row {@code check-platelets-first}: new spots that may be non-blanching, and no recent count to rule out
 * thrombocytopenia before a drug that acts on bleeding is started.
 *
 * <p>Source: Pinpoint contract v2, section 6; a non-blanching rash without a clear cause calls for a same-day CBC
 * (section 4). Inputs: the triage's recent findings (section 5.4) and the latest count (section 5.3): a latest count
 * that cannot be read is no count. Look-back: 7 days (configurable).
 */
final class CheckPlateletsFirstRule implements OrderRule {

  @Override
  public OrderCheckOutcome outcome() {
    return OrderCheckOutcome.CHECK_PLATELETS_FIRST;
  }

  @Override
  public String statement(OrderCheckContext context) {
    return "A recent red skin finding that may be non-blanching, and no platelet count from the last %d days that can"
        .formatted(context.settings().plateletCountLookback().toDays()) + " be read: check the count before starting";
  }

  @Override
  public List<Evidence> evidence(OrderCheckContext context) {
    TriageContext patient = context.patient();
    Optional<Evidence> noCount = noRecentCount(context, patient.now());
    if (!patient.hasRedFinding() || noCount.isEmpty()) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>(2);
    evidence.add(finding(patient));
    evidence.add(noCount.get());
    return evidence;
  }

  /** Why no readable count from the look-back is known; empty when there is one. */
  private static Optional<Evidence> noRecentCount(OrderCheckContext context, Instant now) {
    TriageContext patient = context.patient();
    if (patient.unreadableLatestCount().isPresent()) {
      return patient.unreadableLatestCount().map(Evidence.UnreadLatestCount::new);
    }
    Optional<PlateletCount> latest = context.latestCount();
    if (latest.isEmpty()) {
      return Optional.of(new Evidence.NoCountOnRecord());
    }
    return latest.filter(p -> !p.takenAt().within(now, context.settings().plateletCountLookback()))
        .map(Evidence.StaleCount::new);
  }

  /** The latest red finding, or the recent petechiae diagnosis that stands for one. */
  private static Evidence finding(TriageContext patient) {
    return patient.latestRedFinding()
        .<Evidence>map(f -> new Evidence.FindingNote(f, Evidence.Aspect.RECORDED, List.of()))
        .orElseGet(() -> patient.petechiaeConditions().stream().findFirst()
            .<Evidence>map(Evidence.Diagnosis::new)
            .orElseThrow());
  }
}
