package org.pinpointcds.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;
import org.pinpointcds.triage.PatientSnapshot;

/**
 * Gathers a call's data into a patient snapshot: prefetch first, then the FHIR server for every required key
 * the client did not satisfy (CDS Hooks 2.0, Prefetch). A key sent as {@code null} or an empty Bundle means
 * "no data"; a key that is omitted or sent as an OperationOutcome must be fetched.
 */
public final class PatientDataReader {

  private final FhirContext fhirContext;
  private final SnapshotBuilder snapshotBuilder;
  private final MissingDataFetcher fetcher;
  private final PrefetchListener listener;

  public PatientDataReader(FhirContext fhirContext, SnapshotBuilder snapshotBuilder, MissingDataFetcher fetcher) {
    this(fhirContext, snapshotBuilder, fetcher, PrefetchListener.NONE);
  }

  public PatientDataReader(FhirContext fhirContext, SnapshotBuilder snapshotBuilder, MissingDataFetcher fetcher,
      PrefetchListener listener) {
    this.fhirContext = fhirContext;
    this.snapshotBuilder = snapshotBuilder;
    this.fetcher = fetcher;
    this.listener = listener;
  }

  /**
   * @param templates every required prefetch key with its query template
   * @throws InvalidPrefetchException when a prefetch value is not FHIR JSON
   * @throws RequiredDataUnavailableException when a required key can be neither read nor fetched
   */
  public PatientSnapshot read(Map<String, String> templates, PatientDataRequest request) {
    Map<String, String> missing = new LinkedHashMap<>();
    Map<String, String> nextPages = new LinkedHashMap<>();
    ResourcePool pool = fromPrefetch(templates, request, missing, nextPages);
    listener.read(templates.keySet(), missing.keySet());
    Map<String, String> queries = missing.isEmpty() ? new LinkedHashMap<>() : missingQueries(templates, request, missing);
    // A paginated prefetch (CDS Hooks 2.0) is completed from the FHIR server when there is one; without one the
    // first page stands: the templates sort newest first, so it holds the latest values.
    request.fhirAccess().ifPresent(access -> queries.putAll(nextPages));
    if (!queries.isEmpty()) {
      fetcher.fetch(request.fhirAccess().get(), queries)
          .forEach((key, resources) -> resources.forEach(resource -> pool.add(resource, key)));
    }
    resolveMedications(pool, request);
    return snapshotBuilder.build(request.patientId(), pool);
  }

  /**
   * What the data layer makes of a call's prefetch, without fetching anything: every prefetch key and every
   * resource is told to {@code report}, a key that Pinpoint would fetch with the query it would run.
   */
  public PatientSnapshot explain(Map<String, String> templates, PatientDataRequest request, ReadingReport report) {
    Map<String, String> missing = new LinkedHashMap<>();
    ResourcePool pool = fromPrefetch(templates, request, missing, new LinkedHashMap<>());
    templates.forEach((key, template) -> report.prefetchKey(key, missing.containsKey(key)
        ? missing.get(key) + ": Pinpoint would fetch " + PrefetchTemplate.resolve(template, request.contextTokens())
            .orElse(template) + " from fhirServer (412 when there is none)"
        : request.prefetch().get(key) == null || request.prefetch().get(key).isNull() ? "null: no data" : "read"));
    return snapshotBuilder.build(request.patientId(), pool, report);
  }

  /** What the data layer makes of a patient's data given as one resource or Bundle: every resource told to {@code report}. */
  public PatientSnapshot explain(String patientId, IBaseResource data, ReadingReport report) {
    ResourcePool pool = new ResourcePool();
    pool.add(data, "data");
    return snapshotBuilder.build(patientId, pool, report);
  }

  /**
   * The resources of every prefetch key that holds data; {@code missing} gets each key to fetch, with why, and
   * {@code nextPages} the next-page link of each paginated key.
   */
  private ResourcePool fromPrefetch(
      Map<String, String> templates, PatientDataRequest request, Map<String, String> missing, Map<String, String> nextPages) {
    ResourcePool pool = new ResourcePool();
    templates.keySet().forEach(key -> {
      if (!request.prefetch().containsKey(key)) {
        missing.put(key, "not in prefetch");
        return;
      }
      JsonNode value = request.prefetch().get(key);
      if (value == null || value.isNull()) {
        return;
      }
      IBaseResource resource = parse(key, value);
      if (resource instanceof OperationOutcome) {
        missing.put(key, "the client's prefetch failed");
      } else {
        pool.add(resource, key);
        nextPage(resource).ifPresent(next -> nextPages.put(key, next));
      }
    });
    return pool;
  }

  /** Reads every Medication that a statement or request names by reference only, from the FHIR server. */
  private void resolveMedications(ResourcePool pool, PatientDataRequest request) {
    Map<String, String> unresolved = pool.unresolvedMedications();
    if (unresolved.isEmpty()) {
      return;
    }
    Map<String, String> queries = new LinkedHashMap<>();
    unresolved.keySet().stream().filter(ref -> ref.matches("Medication/[A-Za-z0-9\\-.]{1,64}"))
        .forEach(ref -> queries.put(ref, ref));
    Map<String, Reason> failures = new LinkedHashMap<>();
    Cause cause = request.fhirAccess().isEmpty() ? Cause.NO_FHIR_SERVER : Cause.UNRESOLVED_QUERY;
    unresolved.forEach((ref, key) -> {
      if (!queries.containsKey(ref) || request.fhirAccess().isEmpty()) {
        failures.put(key, new Reason(cause,
            "medication " + ref + " is neither contained, included nor readable from a fhirServer"));
      }
    });
    if (!failures.isEmpty()) {
      throw new RequiredDataUnavailableException(failures);
    }
    try {
      fetcher.fetch(request.fhirAccess().get(), queries)
          .forEach((ref, resources) -> resources.forEach(resource -> pool.add(resource, unresolved.get(ref))));
    } catch (RequiredDataUnavailableException e) {
      e.reasons().forEach((ref, why) ->
          failures.put(unresolved.get(ref), new Reason(why.cause(), "medication " + ref + ": " + why.text())));
      throw new RequiredDataUnavailableException(failures);
    }
  }

  private static Optional<String> nextPage(IBaseResource resource) {
    return resource instanceof Bundle bundle && bundle.getLink(Bundle.LINK_NEXT) != null
        ? Optional.ofNullable(bundle.getLink(Bundle.LINK_NEXT).getUrl()).filter(url -> !url.isBlank())
        : Optional.empty();
  }

  private static Map<String, String> missingQueries(
      Map<String, String> templates, PatientDataRequest request, Map<String, String> missing) {
    if (request.fhirAccess().isEmpty()) {
      Map<String, String> reasons = new LinkedHashMap<>();
      missing.forEach((key, why) -> reasons.put(key, why + ", and the request has no fhirServer to fetch it from"));
      throw RequiredDataUnavailableException.of(Cause.NO_FHIR_SERVER, reasons);
    }
    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, String> unresolved = new LinkedHashMap<>();
    missing.keySet().forEach(key -> {
      Optional<String> query = PrefetchTemplate.resolve(templates.get(key), request.contextTokens());
      query.ifPresentOrElse(q -> queries.put(key, q),
          () -> unresolved.put(key, "its query template has a token this call gives no value for"));
    });
    if (!unresolved.isEmpty()) {
      throw RequiredDataUnavailableException.of(Cause.UNRESOLVED_QUERY, unresolved);
    }
    return queries;
  }

  private IBaseResource parse(String key, JsonNode value) {
    if (!value.isObject() || !value.path("resourceType").isTextual()) {
      throw new InvalidPrefetchException(key, "must be a FHIR resource, a Bundle or null");
    }
    try {
      return fhirContext.newJsonParser().parseResource(value.toString());
    } catch (DataFormatException e) {
      throw new InvalidPrefetchException(key, "is not valid FHIR R4 JSON (" + e.getMessage() + ")");
    }
  }
}
