package org.pinpointcds.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.concurrent.Futures;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.TriageSettings;

/**
 * Gathers a call's data into a patient snapshot: prefetch first, then the FHIR server for every required key
 * the client did not satisfy (CDS Hooks 2.0, Prefetch). A key sent as {@code null} or an empty Bundle means
 * "no data"; a key that is omitted or sent as an OperationOutcome must be fetched.
 *
 * <p>A hook call's prefetch is read on its JSON tree, and only the resources that can change the triage now
 * become models ({@link PrefetchSelection}, {@link LeanParser}); the diagnostics ({@code explain}) parse and report
 * every resource.
 */
public final class PatientDataReader {

  /** The order-sign and order-select context field whose MedicationRequests are read as draft orders (contract 6). */
  public static final String DRAFT_ORDERS = "draftOrders";
  private static final Set<String> NOT_DATA = Set.of("OperationOutcome", "Bundle");
  /** What of a draft-orders Bundle is read: the orders, and the Medications they name. */
  private static final Set<String> DRAFT_TYPES = Set.of("MedicationRequest", "Medication");

  private final FhirContext fhirContext;
  private final Set<String> resourceTypes;
  private final SnapshotBuilder snapshotBuilder;
  private final PrefetchSelection selection;
  private final LeanParser leanParser;
  private final MissingDataFetcher fetcher;
  private final PrefetchListener listener;

  /** @param clock the triage's clock: resources are chosen against the look-backs from now */
  public PatientDataReader(FhirContext fhirContext, Terminology terminology, ReadingUnits units,
      TriageSettings settings, MissingDataFetcher fetcher, Clock clock) {
    this(fhirContext, terminology, units, settings, fetcher, clock, PrefetchListener.NONE);
  }

  /** @param listener told which prefetch keys were satisfied and which must be fetched (metrics) */
  public PatientDataReader(FhirContext fhirContext, Terminology terminology, ReadingUnits units,
      TriageSettings settings, MissingDataFetcher fetcher, Clock clock, PrefetchListener listener) {
    this.fhirContext = fhirContext;
    this.resourceTypes = Set.copyOf(fhirContext.getResourceTypes());
    this.snapshotBuilder = new SnapshotBuilder(terminology, units, settings.siteTimeZone());
    this.selection = new PrefetchSelection(terminology, units, settings, clock);
    this.leanParser = new LeanParser(fhirContext);
    this.fetcher = fetcher;
    this.listener = listener;
  }

  /**
   * @param templates every required prefetch key with its query template
   * @return the snapshot: completed at once when the prefetch holds everything, later when something must be
   *     fetched (no thread waits for the FHIR server). It fails with an {@link InvalidPrefetchException} when a
   *     prefetch value is not FHIR JSON, a {@link RequiredDataUnavailableException} when a required key can be
   *     neither read nor fetched.
   */
  public CompletableFuture<PatientSnapshot> read(Map<String, String> templates, PatientDataRequest request) {
    return read(templates, request, null);
  }

  /**
   * As {@link #read(Map, PatientDataRequest)}, with an order-sign or order-select call's draft orders: each
   * MedicationRequest of the Bundle is a draft order whatever its status, its medicine classified as the triage's
   * (codes, displays, text, a contained, included or fetched Medication).
   *
   * @param draftOrders the context's {@code draftOrders} Bundle, or null for a call without one
   */
  public CompletableFuture<PatientSnapshot> read(Map<String, String> templates, PatientDataRequest request,
      JsonNode draftOrders) {
    ResourcePool pool = new ResourcePool();
    Map<String, String> queries;
    try {
      if (draftOrders != null) {
        addDrafts(draftOrders, pool);
      }
      queries = readPrefetch(templates, request, pool);
    } catch (InvalidPrefetchException | RequiredDataUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> fetched = queries.isEmpty()
        ? CompletableFuture.completedFuture(null)
        : fetcher.fetch(request.fhirAccess().get(), queries)
            .thenAccept(byKey -> byKey.forEach((key, resources) -> resources.forEach(r -> pool.add(r, key))));
    return fetched
        .thenCompose(done -> resolveMedications(pool, request))
        .thenApply(done -> snapshotBuilder.build(request.patientId(), pool));
  }

  private void addDrafts(JsonNode draftOrders, ResourcePool pool) {
    List<PrefetchedResource> drafts = new ArrayList<>();
    resources(DRAFT_ORDERS, (ObjectNode) draftOrders, drafts);
    drafts.stream().filter(draft -> DRAFT_TYPES.contains(draft.type()))
        .forEach(draft -> pool.add(leanParser.parse(draft), draft.fullUrl(), DRAFT_ORDERS));
  }

  /** Adds the prefetch's resources to the pool; returns the queries for the keys and pages left to fetch. */
  private Map<String, String> readPrefetch(Map<String, String> templates, PatientDataRequest request,
      ResourcePool pool) {
    Map<String, String> missing = new LinkedHashMap<>();
    Map<String, String> nextPages = new LinkedHashMap<>();
    List<PrefetchedResource> prefetched = new ArrayList<>();
    eachKeyWithData(templates, request, missing, (key, value) -> {
      resources(key, (ObjectNode) value, prefetched);
      nextPage(value).ifPresent(next -> nextPages.put(key, next));
    });
    listener.read(templates.keySet(), missing.keySet());
    selection.select(firstOfEach(prefetched))
        .forEach(resource -> pool.add(leanParser.parse(resource), resource.fullUrl(), resource.key()));
    // A paginated prefetch (CDS Hooks 2.0) is completed from the FHIR server; without one, its other pages are
    // required data that cannot be read (contract 5.7).
    if (request.fhirAccess().isEmpty()) {
      nextPages.keySet().forEach(key -> missing.putIfAbsent(key, "a paged prefetch with a next page to fetch"));
    }
    Map<String, String> queries = missing.isEmpty() ? new LinkedHashMap<>() : missingQueries(templates, request, missing);
    queries.putAll(nextPages);
    return queries;
  }

  /**
   * What the data layer makes of a call's prefetch, without fetching anything: every prefetch key and every
   * resource is told to {@code report}, a key that Pinpoint would fetch with the query it would run.
   */
  public PatientSnapshot explain(Map<String, String> templates, PatientDataRequest request, ReadingReport report) {
    Map<String, String> missing = new LinkedHashMap<>();
    ResourcePool pool = new ResourcePool();
    eachKeyWithData(templates, request, missing, (key, value) -> pool.add(parse(key, value), key));
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
   * Calls {@code use} with the value of every prefetch key that holds data; {@code missing} gets each key to
   * fetch, with why.
   */
  private static void eachKeyWithData(Map<String, String> templates, PatientDataRequest request,
      Map<String, String> missing, BiConsumer<String, JsonNode> use) {
    templates.keySet().forEach(key -> {
      if (!request.prefetch().containsKey(key)) {
        missing.put(key, "not in prefetch");
        return;
      }
      JsonNode value = request.prefetch().get(key);
      if (value == null || value.isNull()) {
        return;
      }
      if (!value.isObject() || !value.path("resourceType").isTextual()) {
        throw new InvalidPrefetchException(key, "must be a FHIR resource, a Bundle or null");
      }
      if (value.get("resourceType").asText().equals("OperationOutcome")) {
        missing.put(key, "the client's prefetch failed");
      } else {
        use.accept(key, value);
      }
    });
  }

  /** Adds the resource, or each resource of the Bundle's entries; search warnings and nested Bundles are not data. */
  private void resources(String key, ObjectNode value, List<PrefetchedResource> into) {
    if (!value.get("resourceType").asText().equals("Bundle")) {
      into.add(prefetched(key, null, value));
      return;
    }
    for (JsonNode entry : value.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (resource.isMissingNode() || resource.isNull()) {
        continue;
      }
      PrefetchedResource prefetched = prefetched(key, entry.path("fullUrl").textValue(), resource);
      if (!NOT_DATA.contains(prefetched.type())) {
        into.add(prefetched);
      }
    }
  }

  private PrefetchedResource prefetched(String key, String fullUrl, JsonNode resource) {
    if (!resource.isObject() || !resourceTypes.contains(resource.path("resourceType").asText())) {
      throw new InvalidPrefetchException(key, "holds an entry that is not a FHIR R4 resource: resourceType "
          + resource.path("resourceType"));
    }
    return PrefetchedResource.of(key, fullUrl, (ObjectNode) resource);
  }

  /** The first of each resource that two keys (or two entries) both hold: a resource pool keeps the first, too. */
  private static List<PrefetchedResource> firstOfEach(List<PrefetchedResource> resources) {
    record TypeAndId(String type, String idPart) {}
    Set<TypeAndId> seen = new HashSet<>(resources.size() * 2);
    List<PrefetchedResource> first = new ArrayList<>(resources.size());
    for (PrefetchedResource resource : resources) {
      if (resource.idPart() == null || seen.add(new TypeAndId(resource.type(), resource.idPart()))) {
        first.add(resource);
      }
    }
    return first;
  }

  /**
   * Reads every Medication that a statement or request names by reference only, from the FHIR server: the
   * fetcher caps and batches such reads ({@link FetchPlan}), and past its cap the keys holding them are unavailable.
   */
  private CompletableFuture<Void> resolveMedications(ResourcePool pool, PatientDataRequest request) {
    Map<String, String> unresolved = pool.unresolvedMedications();
    if (unresolved.isEmpty()) {
      return CompletableFuture.completedFuture(null);
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
      return CompletableFuture.failedFuture(new RequiredDataUnavailableException(failures));
    }
    return fetcher.fetch(request.fhirAccess().get(), queries).handle((byRef, failure) -> {
      if (failure == null) {
        byRef.forEach((ref, resources) -> resources.forEach(resource -> pool.add(resource, unresolved.get(ref))));
        return null;
      }
      if (!(Futures.unwrap(failure) instanceof RequiredDataUnavailableException unavailable)) {
        throw Futures.unwrap(failure);
      }
      unavailable.reasons().forEach((ref, why) ->
          failures.put(unresolved.get(ref), new Reason(why.cause(), "medication " + ref + ": " + why.text())));
      throw new RequiredDataUnavailableException(failures);
    });
  }

  /** The url of a Bundle's first {@code next} link, as HAPI's {@code getLink} finds it. */
  private static Optional<String> nextPage(JsonNode value) {
    if (!value.path("resourceType").asText().equals("Bundle")) {
      return Optional.empty();
    }
    for (JsonNode link : value.path("link")) {
      if (Bundle.LINK_NEXT.equals(link.path("relation").textValue())) {
        return Optional.ofNullable(link.path("url").textValue()).filter(url -> !url.isBlank());
      }
    }
    return Optional.empty();
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
    try {
      return FhirJson.parse(fhirContext, value.toString());
    } catch (DataFormatException e) {
      throw new InvalidPrefetchException(key, "is not valid FHIR R4 JSON (" + e.getMessage() + ")");
    }
  }
}
