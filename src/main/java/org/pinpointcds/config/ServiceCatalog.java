package org.pinpointcds.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The CDS services defined in {@code cds-services/}, by id; discovery lists them sorted by id. */
public final class ServiceCatalog {

  private final Map<String, ServiceDefinition> byId;

  public ServiceCatalog(Collection<ServiceDefinition> definitions) {
    Map<String, ServiceDefinition> sorted = new TreeMap<>();
    for (ServiceDefinition definition : definitions) {
      add(definition, sorted);
      definition.alsoOn().forEach(other -> add(definition.on(other), sorted));
    }
    this.byId = Collections.unmodifiableMap(sorted);
  }

  private static void add(ServiceDefinition definition, Map<String, ServiceDefinition> byId) {
    if (byId.put(definition.id(), definition) != null) {
      throw new IllegalStateException("two service definitions share the id " + definition.id());
    }
  }

  /** Reads every {@code cds-services/*.json} on the classpath; a file that does not read stops start-up. */
  public static ServiceCatalog loadFromClasspath(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:cds-services/*.json");
      List<ServiceDefinition> definitions = new ArrayList<>();
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          definitions.add(strict.readValue(in, ServiceDefinition.class));
        } catch (IOException | IllegalArgumentException e) {
          throw new IllegalStateException("cannot read service definition " + file.getFilename() + ": " + e.getMessage(), e);
        }
      }
      return new ServiceCatalog(definitions);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list cds-services/: " + e.getMessage(), e);
    }
  }

  public Optional<ServiceDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every definition, sorted by id. */
  public Collection<ServiceDefinition> all() {
    return byId.values();
  }
}
