package org.pinpointcds.config;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.TerminologyLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the terminology comes from: Pinpoint's own {@code fhir-profiles/*.json} on the classpath, then every
 * {@code *.json} in the site folder named by {@code pinpoint.terminology.extra-path} (sorted by path). A
 * missing folder or a malformed file stops start-up with its name and the problem.
 */
public final class TerminologyFiles {

  public static final String EXTRA_PATH = "pinpoint.terminology.extra-path";

  private TerminologyFiles() {}

  public static Terminology load(FhirContext fhirContext, String sitePath) {
    TerminologyLoader loader = new TerminologyLoader(fhirContext);
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:fhir-profiles/*.json")) {
        try (InputStream in = file.getInputStream()) {
          loader.add(file.getFilename(), in);
        }
      }
      if (sitePath != null && !sitePath.isBlank()) {
        for (Path file : siteFiles(Path.of(sitePath.trim()))) {
          try (InputStream in = Files.newInputStream(file)) {
            loader.addSite(file.toString(), in);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read terminology: " + e.getMessage(), e);
    }
    return loader.build();
  }

  private static List<Path> siteFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(EXTRA_PATH + " = " + folder + " is not a folder");
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
