package org.pinpointcds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The folders import each other only as {@code docs/architecture.md} states: its table is the rule, so that the
 * document and the code cannot drift apart.
 */
class ArchitectureTests {

  private static final Path SOURCES = Path.of("src/main/java/org/pinpointcds");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)/` \\|[^|]*\\| (.*) \\|$", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("`(\\w+)`");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?org\\.pinpointcds\\.(\\w+)", Pattern.MULTILINE);

  @Test
  void everyFolderImportsOnlyWhatTheArchitectureDocumentAllows() throws IOException {
    Map<String, Set<String>> allowed = allowed();
    List<String> offending = new ArrayList<>();
    imports().forEach((folder, imported) -> {
      if (!allowed.containsKey(folder)) {
        offending.add(folder + "/ is not in docs/architecture.md");
        return;
      }
      imported.stream().filter(other -> !other.equals(folder) && !allowed.get(folder).contains(other))
          .forEach(other -> offending.add(folder + "/ imports " + other + "/"));
    });
    assertThat(offending).isEmpty();
  }

  @Test
  void noFolderImportsTheRootPackageThatWiresThem() throws IOException {
    List<String> offending = new ArrayList<>();
    for (Path file : javaFiles()) {
      if (!file.getParent().equals(SOURCES)
          && Files.readString(file).matches("(?s).*\\bimport\\s+org\\.pinpointcds\\.[A-Z]\\w*;.*")) {
        offending.add(SOURCES.relativize(file).toString());
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void theAllowedImportsHaveNoCycle() throws IOException {
    Map<String, Set<String>> allowed = allowed();
    assertThat(allowed).as("folders in docs/architecture.md").hasSizeGreaterThan(10);
    for (String folder : allowed.keySet()) {
      assertThat(reachable(folder, allowed)).as("folders %s/ may reach", folder).doesNotContain(folder);
    }
  }

  /** The table of docs/architecture.md: folder -> the folders it may import. */
  private static Map<String, Set<String>> allowed() throws IOException {
    Map<String, Set<String>> allowed = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("docs/architecture.md")));
    while (row.find()) {
      Set<String> names = new TreeSet<>();
      Matcher name = NAME.matcher(row.group(2));
      while (name.find()) {
        names.add(name.group(1));
      }
      allowed.put(row.group(1), names);
    }
    return allowed;
  }

  /** Each folder of the main sources -> the Pinpoint folders its files import. */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    for (Path file : javaFiles()) {
      if (file.getParent().equals(SOURCES)) {
        continue; // the root package wires everything
      }
      String folder = SOURCES.relativize(file).getName(0).toString();
      Set<String> imported = imports.computeIfAbsent(folder, f -> new TreeSet<>());
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        if (Character.isLowerCase(m.group(1).charAt(0))) {
          imported.add(m.group(1));
        }
      }
    }
    return imports;
  }

  private static Set<String> reachable(String from, Map<String, Set<String>> allowed) {
    Set<String> seen = new HashSet<>();
    List<String> next = new ArrayList<>(allowed.getOrDefault(from, Set.of()));
    while (!next.isEmpty()) {
      String folder = next.remove(next.size() - 1);
      if (seen.add(folder)) {
        next.addAll(allowed.getOrDefault(folder, Set.of()));
      }
    }
    return seen;
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      return walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
