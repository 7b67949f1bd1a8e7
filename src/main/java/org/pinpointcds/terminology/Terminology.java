package org.pinpointcds.terminology;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The code systems, value sets and concept maps Pinpoint loaded at start-up, looked up by canonical URL. */
public final class Terminology {

  /** Canonical base of everything Pinpoint defines. */
  public static final String CANONICAL = "https://pinpoint-cds.org/fhir";

  private final Map<String, ValueSetIndex> valueSets;
  private final Map<String, Map<String, String>> codeSystemDisplays;
  private final Map<String, List<ConceptMapping>> translations;
  private final Map<String, List<TerminologySource>> valueSetSources;
  private final Map<String, TerminologySource> conceptMaps;
  private final SortedMap<String, String> versions;
  private final TextContext textContext;

  Terminology(Map<String, ValueSetIndex> valueSets, Map<String, Map<String, String>> codeSystemDisplays,
      Map<String, List<ConceptMapping>> translations, Map<String, List<TerminologySource>> valueSetSources,
      Map<String, TerminologySource> conceptMaps, Map<String, String> codeSystemVersions, TextContext textContext) {
    this.textContext = textContext;
    this.valueSets = Map.copyOf(valueSets);
    this.codeSystemDisplays = Map.copyOf(codeSystemDisplays);
    this.translations = Map.copyOf(translations);
    this.valueSetSources = Map.copyOf(valueSetSources);
    this.conceptMaps = Map.copyOf(conceptMaps);
    TreeMap<String, String> sorted = new TreeMap<>();
    codeSystemVersions.forEach((url, version) -> sorted.put(url, versionOrUnversioned(version)));
    // A value set's version is that of its own file; a site's additions are listed under valueSetSources().
    valueSetSources.forEach((url, sources) -> sorted.put(url, versionOrUnversioned(sources.get(0).version())));
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

  /** Matches {@code words} in free text as a value set's keywords are matched (whole words, negation respected). */
  public ValueSetIndex keywords(String name, Set<String> words) {
    return new ValueSetIndex(CANONICAL + "/keywords/" + name, Map.of(), Map.of(), words, textContext);
  }

  /** The display of a code in a loaded code system. */
  public Optional<String> display(String system, String code) {
    return Optional.ofNullable(codeSystemDisplays.getOrDefault(system, Map.of()).get(code));
  }

  /** The codes of {@code targetSystem} that a site's ConceptMap maps {@code system|code} to. */
  public List<String> translate(String system, String code, String targetSystem) {
    return translations.getOrDefault(system + "|" + code, List.of()).stream()
        .filter(m -> m.targetSystem().equals(targetSystem))
        .map(ConceptMapping::targetCode)
        .toList();
  }

  public int valueSetCount() {
    return valueSets.size();
  }

  /** The canonical URL of every value set and code system loaded, with its {@code version}, sorted by URL. */
  public SortedMap<String, String> versions() {
    return versions;
  }

  private static String versionOrUnversioned(String version) {
    return version == null || version.isBlank() ? "unversioned" : version;
  }

  /** Each loaded value set's url with the files it was read from (ours first, then the site's). */
  public Map<String, List<TerminologySource>> valueSetSources() {
    return new TreeMap<>(valueSetSources);
  }

  /** Each loaded ConceptMap's url (or file name, when it has no url) with its file. */
  public Map<String, TerminologySource> conceptMaps() {
    return new TreeMap<>(conceptMaps);
  }
}
