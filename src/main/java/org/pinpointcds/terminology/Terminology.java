package org.pinpointcds.terminology;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The code systems and value sets Pinpoint loaded at start-up, looked up by canonical URL. */
public final class Terminology {

  /** Canonical base of everything Pinpoint defines. */
  public static final String CANONICAL = "https://pinpoint-cds.org/fhir";

  private final Map<String, ValueSetIndex> valueSets;
  private final Map<String, Map<String, String>> codeSystemDisplays;
  private final SortedMap<String, String> versions;

  Terminology(Map<String, ValueSetIndex> valueSets, Map<String, Map<String, String>> codeSystemDisplays,
      Map<String, String> versions) {
    this.valueSets = Map.copyOf(valueSets);
    this.codeSystemDisplays = Map.copyOf(codeSystemDisplays);
    TreeMap<String, String> sorted = new TreeMap<>();
    versions.forEach((url, version) -> sorted.put(url, version == null ? "unversioned" : version));
    this.versions = Collections.unmodifiableSortedMap(sorted);
  }

  public static String valueSetUrl(String id) {
    return CANONICAL + "/ValueSet/" + id;
  }

  public static String codeSystemUrl(String id) {
    return CANONICAL + "/CodeSystem/" + id;
  }

  /** The value set with this id under Pinpoint's canonical base. */
  public ValueSetIndex valueSet(String id) {
    ValueSetIndex index = valueSets.get(valueSetUrl(id));
    if (index == null) {
      throw new IllegalStateException("value set " + valueSetUrl(id) + " is not in fhir-profiles/");
    }
    return index;
  }

  /** The display of a code in a loaded code system. */
  public Optional<String> display(String system, String code) {
    return Optional.ofNullable(codeSystemDisplays.getOrDefault(system, Map.of()).get(code));
  }

  public int valueSetCount() {
    return valueSets.size();
  }

  /** The canonical URL of every value set and code system loaded, with its {@code version}, sorted by URL. */
  public SortedMap<String, String> versions() {
    return versions;
  }
}
