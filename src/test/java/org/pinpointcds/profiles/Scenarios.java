package org.pinpointcds.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;

/**
 * The acceptance scenarios: the copy in src/test/resources/scenarios and, when present, ../shared/scenarios
 * (a file there wins over the copy of the same name).
 */
record Scenarios(Path file, JsonNode json) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Path> FOLDERS = List.of(Path.of("src/test/resources/scenarios"), Path.of("../shared/scenarios"));

  static List<Scenarios> all() {
    Map<String, Path> byName = new TreeMap<>();
    for (Path folder : FOLDERS) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files.filter(p -> p.toString().endsWith(".json")).forEach(p -> byName.put(p.getFileName().toString(), p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return byName.values().stream().map(Scenarios::read).toList();
  }

  private static Scenarios read(Path file) {
    try {
      return new Scenarios(file, JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Instant asOf() {
    return Instant.parse(json.path("asOf").asText());
  }

  JsonNode request() {
    return json.path("request");
  }

  int expectedStatus() {
    return json.path("expect").path("status").asInt(200);
  }

  /** Every resource sent as prefetch (Bundles as sent; {@link SkinFindings#flatten} opens them). */
  List<Resource> prefetchResources() {
    return stream(request().path("prefetch"))
        .filter(JsonNode::isObject)
        .map(value -> FhirPackage.parse(file + " prefetch", value.toString()))
        .toList();
  }

  private static Stream<JsonNode> stream(JsonNode object) {
    List<JsonNode> values = new java.util.ArrayList<>();
    object.elements().forEachRemaining(values::add);
    return values.stream();
  }

  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
