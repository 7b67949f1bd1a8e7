package org.pinpointcds.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns the shared scenarios into the sandbox's data: one transaction Bundle per scenario, written to
 * {@code fhir-profiles/examples/sandbox/Bundle-sandbox-<patientId>.json}.
 *
 * <p>Each Bundle holds every resource of every prefetch key of its scenario (OperationOutcome entries left out),
 * each as a PUT to its own id so that loading twice changes nothing. Dates stay as the scenario wrote them;
 * {@code Bundle.timestamp} is the scenario's {@code asOf}, from which the loader shifts them to the day the server
 * starts. Every resource carries the HL7 "test health data" tag and a tag naming its scenario.
 *
 * <p>Regenerate after a scenario changes (from the project root):
 * {@code mvn -q test-compile exec:java@sandbox-bundles}; {@link SandboxBundlesTest} fails while the committed
 * files are out of date.
 */
public final class SandboxBundles {

  /** HL7's tag for test data: {@code v3-ActReason#HTEST}. */
  public static final Coding SYNTHETIC_TAG =
      new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST", "test health data");
  /** Tags each resource (code: the scenario id, display: its title) and identifies each Bundle. */
  public static final String SCENARIO_SYSTEM = "https://pinpoint-cds.org/fhir/sandbox-scenario";
  /** The base the entries' fullUrls are written against: the sandbox's default address. */
  static final String FULL_URL_BASE = "http://127.0.0.1:" + FhirSandbox.DEFAULT_PORT + "/fhir/";

  static final Path DEFAULT_OUTPUT = Path.of("fhir-profiles", "examples", "sandbox");
  static final String FILE_PREFIX = "Bundle-sandbox-";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SandboxBundles() {}

  /**
   * Writes the Bundles for every scenario and deletes Bundles of scenarios that are gone.
   *
   * @param args optional: the scenario folders, comma-separated (default: {@link #scenarioFolders()}), then the output
   *     folder (default {@code fhir-profiles/examples/sandbox})
   */
  public static void main(String[] args) throws IOException {
    List<Path> scenarios = args.length > 0 ? folders(args[0]) : scenarioFolders();
    Path output = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
    SortedMap<String, String> files = generate(FhirContext.forR4Cached(), scenarios);
    Files.createDirectories(output);
    for (String stale : committed(output).keySet()) {
      if (!files.containsKey(stale)) {
        Files.delete(output.resolve(stale));
        System.out.println("deleted " + output.resolve(stale));
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(output.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + files.size() + " Bundles to " + output);
  }

  /**
   * The scenario folders: system property {@code pinpoint.scenarios} (comma-separated), else the triage's
   * {@code ../shared/scenarios} and the order check's {@code ../shared/scenarios-orders} (its patients are fetched
   * for order-sign).
   */
  static List<Path> scenarioFolders() {
    return folders(System.getProperty("pinpoint.scenarios", "../shared/scenarios,../shared/scenarios-orders"));
  }

  private static List<Path> folders(String commaSeparated) {
    return Stream.of(commaSeparated.split(",")).map(String::trim).filter(f -> !f.isEmpty()).map(Path::of).toList();
  }

  /** The scenario files of the folders, in file-name order. */
  static List<Path> scenarioFiles(List<Path> folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> paths = Files.list(folder)) {
        paths.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
      }
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return files;
  }

  /** File name to file content, for every scenario in the folders. */
  static SortedMap<String, String> generate(FhirContext fhirContext, List<Path> scenarios) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    Map<String, String> owners = new HashMap<>(); // resource Type/id to the scenario that holds it
    for (Path path : scenarioFiles(scenarios)) {
      Bundle bundle = fromScenario(fhirContext, JSON.readTree(path.toFile()), owners.keySet());
      String scenario = bundle.getIdentifier().getValue();
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        String previous = owners.putIfAbsent(entry.getRequest().getUrl(), scenario);
        if (previous != null) {
          throw new IllegalStateException(entry.getRequest().getUrl() + " is in both " + previous + " and "
              + scenario + ": the sandbox holds every scenario at once, so ids must be unique across them");
        }
      }
      files.put(fileName(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart()),
          encode(fhirContext, bundle));
    }
    return files;
  }

  /** The Bundle files in a folder, by name. */
  static SortedMap<String, String> committed(Path folder) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.filter(p -> isBundleFile(p.getFileName().toString())).toList()) {
        files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static boolean isBundleFile(String name) {
    return name.startsWith(FILE_PREFIX) && name.endsWith(".json");
  }

  static String fileName(String patientId) {
    return FILE_PREFIX + patientId + ".json";
  }

  static String patientIdOf(String fileName) {
    return fileName.substring(FILE_PREFIX.length(), fileName.length() - ".json".length());
  }

  /**
   * The id a scenario's resource has in the sandbox when another scenario already holds its id (the triage's and the
   * order check's scenarios were written apart): prefixed with the patient id, e.g. {@code p25-skin-18}.
   */
  static String sandboxId(String patientId, String id) {
    return patientId + "-" + id;
  }

  /**
   * One scenario (its JSON as in {@code shared/scenarios}) as a transaction Bundle; a resource whose {@code Type/id}
   * is in {@code taken} gets its {@link #sandboxId}, and the Bundle's references to it follow.
   */
  static Bundle fromScenario(FhirContext fhirContext, JsonNode scenario, Set<String> taken) {
    String scenarioId = text(scenario, "id");
    String title = text(scenario, "title");
    InstantType asOf = new InstantType(text(scenario, "asOf")); // as written: the JVM's time zone stays out
    String patientId = text(scenario.path("request").path("context"), "patientId");
    Coding scenarioTag = new Coding(SCENARIO_SYSTEM, scenarioId, title);

    Map<String, Resource> resources = new LinkedHashMap<>();
    for (Resource resource : prefetchResources(fhirContext, scenario.path("request").path("prefetch"))) {
      String type = resource.fhirType();
      if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
        resource.setId(patientId + "-" + type.toLowerCase() + "-" + (resources.size() + 1));
      }
      if (resource instanceof Patient && !patientId.equals(resource.getIdElement().getIdPart())) {
        throw new IllegalStateException(scenarioId + ": Patient/" + resource.getIdElement().getIdPart()
            + " is not the context's patient " + patientId);
      }
      resources.putIfAbsent(type + "/" + resource.getIdElement().getIdPart(), resource);
    }
    // The patient comes first; a scenario without one still gets its patient, so that every scenario is there.
    Resource patient = resources.remove("Patient/" + patientId);
    if (patient == null) {
      patient = new Patient().setId(patientId);
    }
    List<Resource> ordered = new ArrayList<>();
    ordered.add(patient);
    ordered.addAll(resources.values());
    renameTaken(fhirContext, ordered, taken, patientId);

    Bundle bundle = new Bundle();
    bundle.setId("sandbox-" + patientId);
    bundle.setMeta(new Meta().addTag(SYNTHETIC_TAG.copy()));
    bundle.getIdentifier().setSystem(SCENARIO_SYSTEM).setValue(scenarioId);
    bundle.setType(Bundle.BundleType.TRANSACTION);
    bundle.setTimestampElement(asOf);
    for (Resource resource : ordered) {
      String id = resource.getIdElement().getIdPart();
      resource.setId(id); // parsing a searchset gave it the EHR's fullUrl as its id
      addTag(resource.getMeta(), SYNTHETIC_TAG);
      addTag(resource.getMeta(), scenarioTag);
      String url = resource.fhirType() + "/" + id;
      bundle.addEntry()
          .setFullUrl(FULL_URL_BASE + url)
          .setResource(resource)
          .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
    }
    return bundle;
  }

  private static void renameTaken(FhirContext fhirContext, List<Resource> resources, Set<String> taken, String patientId) {
    Map<String, String> renamed = new HashMap<>();
    for (Resource resource : resources) {
      String id = resource.getIdElement().getIdPart();
      if (taken.contains(resource.fhirType() + "/" + id)) {
        renamed.put(resource.fhirType() + "/" + id, resource.fhirType() + "/" + sandboxId(patientId, id));
        resource.setId(sandboxId(patientId, id));
      }
    }
    for (Resource resource : resources) {
      for (ResourceReferenceInfo info : fhirContext.newTerser().getAllResourceReferences(resource)) {
        String target = info.getResourceReference().getReferenceElement().toUnqualifiedVersionless().getValue();
        if (renamed.containsKey(target)) {
          info.getResourceReference().setReference(renamed.get(target));
        }
      }
    }
  }

  static String encode(FhirContext fhirContext, Bundle bundle) {
    return fhirContext.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle) + "\n";
  }

  /** Every resource of every key: a Bundle's entries, or the key's single resource. */
  private static List<Resource> prefetchResources(FhirContext fhirContext, JsonNode prefetch) {
    List<Resource> resources = new ArrayList<>();
    for (JsonNode value : (Iterable<JsonNode>) prefetch::elements) {
      if (!value.isObject()) {
        continue; // null: "no data"
      }
      Resource resource = (Resource) fhirContext.newJsonParser().parseResource(toJson(value));
      if (resource instanceof Bundle bundle) {
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
            .filter(r -> r != null && !(r instanceof OperationOutcome))
            .forEach(resources::add);
      } else if (!(resource instanceof OperationOutcome)) {
        resources.add(resource);
      }
    }
    return resources;
  }

  private static void addTag(Meta meta, Coding tag) {
    if (meta.getTag(tag.getSystem(), tag.getCode()) == null) {
      meta.addTag(tag.copy());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalStateException("scenario has no " + field);
    }
    return value.asText();
  }

  private static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
