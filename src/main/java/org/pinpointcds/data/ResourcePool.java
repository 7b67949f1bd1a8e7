package org.pinpointcds.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Every resource of one call, whichever prefetch key brought it: a resource that two keys both hold counts
 * once, and a Medication that one key included can be resolved from another key's statement.
 */
final class ResourcePool {

  private final Map<String, Resource> byReference = new HashMap<>();
  private final List<Resource> resources = new ArrayList<>();
  private final Map<Resource, String> keys = new IdentityHashMap<>();

  /**
   * Adds a resource, or each entry of a Bundle; search warnings (OperationOutcome) are not data.
   *
   * @param key the prefetch key that brought it, for messages about it
   */
  void add(IBaseResource resource, String key) {
    if (resource instanceof Bundle bundle) {
      bundle.getEntry().stream()
          .filter(Bundle.BundleEntryComponent::hasResource)
          .forEach(entry -> add(entry.getResource(), entry.getFullUrl(), key));
    } else if (resource instanceof Resource r) {
      add(r, null, key);
    }
  }

  void add(Resource resource, String fullUrl, String key) {
    if (resource instanceof OperationOutcome || resource instanceof Bundle) {
      return;
    }
    String reference = resource.hasIdElement() && resource.getIdElement().hasIdPart()
        ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
        : null;
    if (reference != null && byReference.containsKey(reference)) {
      return;
    }
    resources.add(resource);
    keys.put(resource, key);
    if (reference != null) {
      byReference.put(reference, resource);
    }
    if (fullUrl != null && !fullUrl.isBlank()) {
      byReference.putIfAbsent(fullUrl, resource);
    }
  }

  /** The prefetch key that brought {@code resource} into the call. */
  String keyOf(Resource resource) {
    return keys.getOrDefault(resource, "data");
  }

  List<Resource> all() {
    return List.copyOf(resources);
  }

  /**
   * Medication references that nothing in this call resolves and no display names, by reference, with the
   * prefetch key of the statement or request that holds them: left alone, they could hide an anticoagulant.
   */
  Map<String, String> unresolvedMedications() {
    Map<String, String> unresolved = new LinkedHashMap<>();
    for (Resource resource : resources) {
      Type medication = resource instanceof MedicationStatement s ? s.getMedication()
          : resource instanceof MedicationRequest r ? r.getMedication() : null;
      if (medication instanceof Reference ref && !ref.hasDisplay()
          && medication(ref, (DomainResource) resource).isEmpty()) {
        unresolved.put(ref.getReference() == null ? "(empty reference)" : ref.getReference(), keys.get(resource));
      }
    }
    return unresolved;
  }

  /** The Medication a reference points to: contained in {@code owner}, or anywhere in this call's data. */
  Optional<Medication> medication(Reference reference, DomainResource owner) {
    if (reference.getResource() instanceof Medication contained) {
      return Optional.of(contained);
    }
    String ref = reference.getReference();
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    if (ref.startsWith("#")) {
      return owner.getContained().stream()
          .filter(r -> r instanceof Medication && ref.substring(1).equals(r.getIdElement().getIdPart()))
          .map(Medication.class::cast)
          .findFirst();
    }
    Resource found = byReference.get(ref);
    if (found == null) {
      IdType id = new IdType(ref);
      found = byReference.get("Medication/" + id.getIdPart());
    }
    return found instanceof Medication medication ? Optional.of(medication) : Optional.empty();
  }
}
