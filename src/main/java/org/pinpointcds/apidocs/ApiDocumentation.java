package org.pinpointcds.apidocs;

import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;
import org.pinpointcds.protocol.CdsHooksController;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Completes the OpenAPI document that springdoc derives from the controllers. The code says what exists: paths,
 * methods, parameters, and the schemas of the answers (from their records). {@code openapi/pinpoint.json} says what
 * it means: the description, the request schemas (the controllers read raw bytes), every status each endpoint
 * answers, and the examples in {@code openapi/examples/} (the shared scenario p01 and its answer). The discovery
 * example is the service's own discovery document.
 *
 * <p>An operation of {@code openapi/pinpoint.json} replaces the generated one field by field (what it leaves out
 * stays generated). An endpoint that the file does not describe, or that the file describes and the controllers do
 * not serve, stops the document: the two cannot drift apart.
 */
final class ApiDocumentation implements OpenApiCustomizer {

  static final String DOCUMENT = "openapi/pinpoint.json";
  static final String EXAMPLES = "classpath:openapi/examples/*.json";
  static final String DISCOVERY_EXAMPLE = "discovery";

  private final ObjectMapper swagger = Json.mapper();
  private final CdsHooksController controller;
  private final ObjectMapper mapper;

  ApiDocumentation(CdsHooksController controller, ObjectMapper mapper) {
    this.controller = controller;
    this.mapper = mapper;
  }

  @Override
  public void customise(OpenAPI generated) {
    OpenAPI described = read(new ClassPathResource(DOCUMENT), OpenAPI.class);
    generated.info(described.getInfo()).servers(described.getServers()).tags(described.getTags());
    described.getComponents().getSchemas().forEach(generated.getComponents()::addSchemas);
    described.getComponents().getSecuritySchemes().forEach(generated.getComponents()::addSecuritySchemes);
    described.getComponents().getResponses().forEach(generated.getComponents()::addResponses);
    examples().forEach(generated.getComponents()::addExamples);
    generated.getComponents().addExamples(DISCOVERY_EXAMPLE, new Example()
        .summary("The discovery document of this service")
        .value(mapper.valueToTree(controller.discovery())));
    describeOperations(generated, described);
  }

  private void describeOperations(OpenAPI generated, OpenAPI described) {
    TreeSet<String> undescribed = new TreeSet<>();
    TreeSet<String> unserved = new TreeSet<>();
    generated.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      Operation description = operation(described, path, method);
      if (description == null) {
        undescribed.add(method + " " + path);
      } else {
        item.operation(method, merge(operation, description));
      }
    }));
    described.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> {
      if (operation(generated, path, method) == null) {
        unserved.add(method + " " + path);
      }
    }));
    if (!undescribed.isEmpty() || !unserved.isEmpty()) {
      throw new IllegalStateException(DOCUMENT + " does not describe " + undescribed + " and describes " + unserved
          + ", which the service does not serve");
    }
  }

  private static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
    PathItem item = api.getPaths().get(path);
    return item == null ? null : item.readOperationsMap().get(method);
  }

  /** The generated operation with every field that the description has replaced by the description's. */
  private Operation merge(Operation generated, Operation description) {
    ObjectNode merged = swagger.valueToTree(generated);
    merged.setAll((ObjectNode) swagger.valueToTree(description));
    return swagger.convertValue(merged, Operation.class);
  }

  /** Every {@code openapi/examples/NAME.json}, an OpenAPI Example Object, by NAME. */
  private Map<String, Example> examples() {
    Map<String, Example> examples = new TreeMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(EXAMPLES)) {
        examples.put(file.getFilename().replaceAll("\\.json$", ""), read(file, Example.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + EXAMPLES, e);
    }
    return examples;
  }

  private <T> T read(Resource resource, Class<T> type) {
    try (InputStream in = resource.getInputStream()) {
      JsonNode json = swagger.readTree(in);
      return swagger.treeToValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.getFilename(), e);
    }
  }
}
