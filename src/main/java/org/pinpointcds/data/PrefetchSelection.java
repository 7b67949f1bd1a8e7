package org.pinpointcds.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.TriageSettings;

/**
 * Chooses, on the JSON tree, the prefetch resources that can change a triage made now, so that only those are
 * built into models: a long stay sends years of temperatures and counts, and the rules read a day of the one and
 * the latest of the other. Left out are only resources older than every look-back that could use them, platelet
 * counts older than the latest one that certainly counts, medicine statements and requests of a status that never
 * counts, Medications nothing chosen names, and types no reader reads. Statuses and date fields are the readers'
 * own, from the read plans ({@link ObservationPlan}, {@link MedicationStatementPlan}, {@link MedicationRequestPlan},
 * {@link ServiceRequestPlan}). Wherever the tree leaves a doubt (a date that is not a plain FHIR date, a code that
 * is not a string, a status outside its value set) the resource is kept and the readers decide, so the triage is
 * the one that reading every resource gives ({@code PrefetchSelectionEquivalenceTests}).
 */
final class PrefetchSelection {

  /** Added to every look-back: the triage reads the clock after this does, and HAPI keeps milliseconds only. */
  private static final Duration MARGIN = Duration.ofHours(1);

  private final ValueSetIndex plateletCodes;
  private final ValueSetIndex temperatureCodes;
  private final Map<String, Double> plateletFactors;
  private final ReadingUnits.Range plausiblePlatelets;
  private final TriageSettings settings;
  private final Duration medicationLookback;
  private final Clock clock;

  PrefetchSelection(Terminology terminology, ReadingUnits units, TriageSettings settings, Clock clock) {
    this.plateletCodes = terminology.valueSet("platelet-count");
    this.temperatureCodes = terminology.valueSet("body-temperature");
    this.plateletFactors = units.plateletFactors();
    this.plausiblePlatelets = units.plausiblePlatelets();
    this.settings = settings;
    this.medicationLookback = Collections.max(settings.medicationLookbacks().values());
    this.clock = clock;
  }

  /** The resources to read, in the order given. */
  List<PrefetchedResource> select(List<PrefetchedResource> resources) {
    Instant from = clock.instant().minus(MARGIN); // the moment every look-back is counted back from
    boolean[] keep = new boolean[resources.size()];
    Instant[] countedPlatelets = new Instant[resources.size()];
    Instant latestCountedPlatelets = Instant.MIN;
    MedicationReferences named = new MedicationReferences();
    for (int i = 0; i < resources.size(); i++) {
      JsonNode json = resources.get(i).json();
      String type = resources.get(i).type();
      ObservationKind kind = type.equals("Observation") ? kind(json) : null;
      if (kind == ObservationKind.PLATELET_COUNT) {
        countedPlatelets[i] = countedPlateletDate(json).orElse(null);
        if (countedPlatelets[i] != null && countedPlatelets[i].isAfter(latestCountedPlatelets)) {
          latestCountedPlatelets = countedPlatelets[i];
        }
      }
      keep[i] = switch (type) {
        case "Patient" -> true;
        case "Observation" -> switch (kind) {
          case PLATELET_COUNT -> countedPlatelets[i] == null; // the others once the latest is known
          case TEMPERATURE ->
              TreeDates.mayBeFrom(json, from.minus(settings.temperatureLookback()), ObservationPlan.DATES);
          case OTHER -> TreeDates.mayBeFrom(json, from.minus(settings.findingLookback()), ObservationPlan.DATES);
          case UNSURE -> true;
        };
        case "Condition" -> true; // a known thrombocytopenia counts whatever its date
        case "MedicationStatement" -> statementCounts(json, from);
        case "MedicationRequest" -> !MedicationRequestPlan.STATUSES.neverCounts(json.path("status").asText());
        case "ServiceRequest" ->
            TreeDates.mayBeFrom(json, from.minus(settings.cbcOrderLookback()), ServiceRequestPlan.DATES);
        default -> false;
      };
      if (keep[i] && (type.equals("MedicationStatement") || type.equals("MedicationRequest"))) {
        named.add(json.path("medicationReference"));
      }
    }
    // A date without a time is ordered by its first instant in the site's zone, up to a day from the tree's UTC one.
    Instant plateletCutoff = latestCountedPlatelets.equals(Instant.MIN) ? Instant.MIN
        : latestCountedPlatelets.minus(MARGIN).minus(TreeDates.WIDEST_OFFSET);
    List<PrefetchedResource> chosen = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      if (keep[i] || countedPlatelets[i] != null && !countedPlatelets[i].isBefore(plateletCutoff)
          || named.mayResolveTo(resources.get(i))) {
        chosen.add(resources.get(i));
      }
    }
    return chosen;
  }

  /**
   * How SnapshotBuilder classes an Observation: by its codings, platelet count first; a panel holds a platelet count
   * as a component (contract 5.3), and is always read.
   */
  private enum ObservationKind { PLATELET_COUNT, TEMPERATURE, OTHER, UNSURE }

  private ObservationKind kind(JsonNode observation) {
    ObservationKind kind = kindOfCode(observation.path("code"));
    if (kind != ObservationKind.OTHER) {
      return kind;
    }
    for (JsonNode component : observation.path("component")) {
      if (kindOfCode(component.path("code")) != ObservationKind.OTHER) {
        return ObservationKind.UNSURE;
      }
    }
    return kind;
  }

  /** As {@link Concepts#hasCodingIn} decides, on the tree; a system or code that is not a string leaves it unsure. */
  private ObservationKind kindOfCode(JsonNode concept) {
    boolean temperature = false;
    for (JsonNode coding : concept.path("coding")) {
      JsonNode system = coding.path("system");
      JsonNode code = coding.path("code");
      if (!system.isMissingNode() && !system.isTextual() || !code.isMissingNode() && !code.isTextual()) {
        return ObservationKind.UNSURE;
      }
      if (plateletCodes.contains(system.textValue(), code.textValue())) {
        return ObservationKind.PLATELET_COUNT;
      }
      temperature |= temperatureCodes.contains(system.textValue(), code.textValue());
    }
    return temperature ? ObservationKind.TEMPERATURE : ObservationKind.OTHER;
  }

  /**
   * The date of a platelet count that the reader certainly counts (status, numeric value, known unit, one plain
   * date); empty when it may not, and such a count is always kept. The latest certain date bounds the rest: the
   * latest count the reader uses is at least as late.
   */
  private Optional<Instant> countedPlateletDate(JsonNode json) {
    JsonNode quantity = json.path("valueQuantity");
    JsonNode value = quantity.path("value");
    boolean certain = ObservationPlan.RESULTS.counts(json.path("status").asText())
        && value.isNumber() && plausible(value.asDouble(), quantity)
        && effectiveValues(json) <= 1;
    Optional<Instant> date = certain ? TreeDates.first(json, ObservationPlan.DATES) : Optional.empty();
    return date.filter(at -> !at.equals(TreeDates.UNREADABLE));
  }

  /**
   * A value the reader certainly reads as a count: in a unit it converts (the code's factor, as it tries the code
   * first) and plausible after conversion; an implausible latest count leaves the latest unknown, so it bounds none.
   */
  private boolean plausible(double value, JsonNode quantity) {
    Double factor = plateletFactors.get(quantity.path("code").asText("").trim());
    if (factor == null) {
      factor = plateletFactors.get(quantity.path("unit").asText("").trim());
    }
    return factor != null && Double.isFinite(value) && plausiblePlatelets.contains(value * factor);
  }

  /** How many effective[x] the Observation has: more than one is malformed, and HAPI takes one of them. */
  private static long effectiveValues(JsonNode json) {
    long count = 0;
    for (var names = json.fieldNames(); names.hasNext(); ) {
      count += names.next().startsWith("effective") ? 1 : 0;
    }
    return count;
  }

  /** Taken now; ended inside the longest look-back of any drug class; or a status left to the reader. */
  private boolean statementCounts(JsonNode json, Instant from) {
    String status = json.path("status").asText();
    return MedicationStatementPlan.ENDED.counts(status)
        ? TreeDates.mayBeFrom(json, from.minus(medicationLookback), MedicationStatementPlan.END_DATES)
        : !MedicationStatementPlan.COUNTED.neverCounts(status);
  }

  /**
   * The {@code medicationReference}s of the statements and requests chosen, and what they may resolve to as the
   * resource pool resolves them: by full URL, by {@code Type/id}, or for a Medication by id alone.
   */
  private static final class MedicationReferences {
    private final Set<String> references = new HashSet<>();
    private final Set<String> idParts = new HashSet<>();
    private boolean unsure;

    void add(JsonNode medicationReference) {
      JsonNode reference = medicationReference.path("reference");
      if (reference.isTextual() && !reference.asText().isBlank()) {
        references.add(reference.asText());
        idParts.add(new IdType(reference.asText()).getIdPart());
      } else {
        unsure |= !reference.isMissingNode();
      }
    }

    boolean mayResolveTo(PrefetchedResource resource) {
      boolean medication = resource.type().equals("Medication");
      if (unsure && medication) {
        return true;
      }
      // A Type/id match is an id-part match too: most resources are ruled out by their id part alone.
      boolean byFullUrl = resource.fullUrl() != null && references.contains(resource.fullUrl());
      if (!byFullUrl && resource.idPart() != null && !idParts.contains(resource.idPart())) {
        return false;
      }
      return byFullUrl || resource.reference().map(references::contains).orElse(false)
          || medication && !references.isEmpty();
    }
  }
}
