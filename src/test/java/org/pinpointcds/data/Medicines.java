package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.stream.Collectors;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;

/** Sends medicine records through the data layer and reads back how they were classified. */
final class Medicines {

  private Medicines() {}

  /** An active MedicationStatement naming its drug by {@code drug}. */
  static ObjectNode activeStatement(ObjectNode drug) {
    return Fhir.medicationStatement("medst-1", "active", drug, ago(ofDays(30)));
  }

  /** The drug classes of the medicines read from the statements and their included resources. */
  static Set<DrugClass> classesOf(ObjectNode... statements) {
    return classes(HookRequest.forAdult().add("medicationStatements", statements));
  }

  static Set<DrugClass> classes(HookRequest request) {
    return DataLayer.snapshot(request).medications().stream().map(MedicationUse::drugClass).collect(Collectors.toSet());
  }
}
