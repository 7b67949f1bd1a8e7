package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The clinical core stays plain Java: nothing in {@code org.pinpointcds.triage} refers to Spring, HAPI, HL7
 * models, Jackson or another Pinpoint package, neither in its imports nor anywhere in its compiled classes.
 */
class TriageArchitectureTests {

  /** A reference the core must not make; class names in a constant pool are read with dots for slashes. */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "org\\.springframework|ca\\.uhn|org\\.hl7|com\\.fasterxml|org\\.pinpointcds\\.(?!triage\\.)\\w+");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void sourcesImportNothingFromFrameworksOrOtherPinpointPackages() throws IOException {
    List<String> offending = new ArrayList<>();
    for (Path file : files(Path.of("src", "main", "java", "org", "pinpointcds", "triage"), ".java")) {
      Matcher imports = IMPORT.matcher(Files.readString(file));
      while (imports.find()) {
        forbidden(imports.group(1)).forEach(ref -> offending.add(file.getFileName() + " imports " + ref));
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void compiledClassesReferToNothingFromFrameworksOrOtherPinpointPackages() throws IOException, URISyntaxException {
    Path classes = Path.of(Triage.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/pinpointcds/triage");
    List<Path> files = files(classes, ".class");
    assertThat(files).as("compiled triage classes").hasSizeGreaterThan(20);
    List<String> offending = new ArrayList<>();
    for (Path file : files) {
      String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace('/', '.');
      forbidden(constants).forEach(ref -> offending.add(file.getFileName() + " refers to " + ref));
    }
    assertThat(offending).isEmpty();
  }

  private static List<String> forbidden(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = FORBIDDEN.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
