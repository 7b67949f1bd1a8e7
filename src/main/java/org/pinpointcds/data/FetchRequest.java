package org.pinpointcds.data;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;

/** One query that a round of fetches sends, and the keys its answer is for ({@link FetchPlan}). */
sealed interface FetchRequest {

  String query();

  /** Every key the answer is for: each fails with the request. */
  List<String> keys();

  /** Puts the answer (every page of it) under its keys; a key the answer leaves without its resource fails. */
  void answered(List<IBaseResource> pages, Map<String, List<IBaseResource>> fetched, Map<String, Reason> failures);

  /** A key's query, sent as it is. */
  record AsIs(String key, String query) implements FetchRequest {

    @Override
    public List<String> keys() {
      return List.of(key);
    }

    @Override
    public void answered(List<IBaseResource> pages, Map<String, List<IBaseResource>> fetched,
        Map<String, Reason> failures) {
      fetched.put(key, pages);
    }
  }

  /**
   * Reads of one type made as one search by {@code _id}: each id with the keys that read it, each of which gets
   * its resource alone, as a read would have.
   */
  record ReadsById(String type, Map<String, List<String>> keysById) implements FetchRequest {

    public ReadsById {
      keysById = Collections.unmodifiableMap(new LinkedHashMap<>(keysById));
    }

    @Override
    public String query() {
      return type + "?_id=" + String.join(",", keysById.keySet()) + "&_count=" + keysById.size();
    }

    @Override
    public List<String> keys() {
      return keysById.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public void answered(List<IBaseResource> pages, Map<String, List<IBaseResource>> fetched,
        Map<String, Reason> failures) {
      Map<String, Resource> found = new HashMap<>();
      pages.stream().flatMap(page -> ((Bundle) page).getEntry().stream())
          .map(Bundle.BundleEntryComponent::getResource)
          .filter(resource -> resource != null && resource.fhirType().equals(type))
          .forEach(resource -> found.putIfAbsent(resource.getIdElement().getIdPart(), resource));
      keysById.forEach((id, keys) -> keys.forEach(key -> {
        if (found.containsKey(id)) {
          fetched.put(key, List.of(found.get(id)));
        } else {
          failures.put(key, new Reason(Cause.NOT_FOUND,
              "the FHIR server found no " + type + "/" + id + " (searched by _id)"));
        }
      }));
    }
  }
}
