package org.pinpointcds.sandboxpage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The shared acceptance scenarios that the page lists, one synthetic patient each: shipped in the jar under
 * {@code sandbox/scenarios/} (copied there from the test scenarios at build time), read once at start-up and sorted
 * by file name. Dates stay as written; the page shifts them to today, as the scenario runner does.
 */
@Component
@SandboxPageEnabled
class ScenarioLibrary {

  static final String LOCATION = SandboxPageConfiguration.FILES + "scenarios/*.json";

  private final ArrayNode scenarios;

  ScenarioLibrary(ObjectMapper mapper) {
    this.scenarios = mapper.createArrayNode();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          scenarios.add(mapper.readTree(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sandbox page's scenarios at " + LOCATION, e);
    }
    if (scenarios.isEmpty()) {
      throw new IllegalStateException("no scenarios at " + LOCATION + ": the jar was built without them");
    }
  }

  /** Every scenario document: id, title, asOf, request (with prefetch) and expect. */
  ArrayNode all() {
    return scenarios.deepCopy();
  }
}
