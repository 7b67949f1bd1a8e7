package org.pinpointcds.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The codes, code prefixes and keywords gathered for one value set url, from our file and from any site
 * file with the same url; becomes a {@link ValueSetIndex}.
 */
final class ValueSetContent {

  private final String url;
  /** Codes by system. */
  private final Map<String, Set<String>> codes = new HashMap<>();
  private final Map<String, List<String>> prefixes = new HashMap<>();
  private final Set<String> keywords = new HashSet<>();
  private final Set<String> wholeSystems = new HashSet<>();
  private final List<TerminologySource> sources = new ArrayList<>();

  ValueSetContent(String url) {
    this.url = url;
  }

  /**
   * Adds a ValueSet's {@code compose} (listed concepts with their display and keyword designations, is-a
   * filters as code prefixes, whole code systems) and its {@code expansion} (codes only).
   *
   * @throws IllegalArgumentException for what the loader cannot read faithfully
   */
  void add(ValueSet valueSet, TerminologySource source) {
    if (valueSet.getCompose().hasExclude()) {
      throw new IllegalArgumentException("compose.exclude is not supported; list only the codes to include");
    }
    for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      addInclude(include);
    }
    addExpansion(valueSet.getExpansion().getContains());
    sources.add(source);
  }

  private void addInclude(ValueSet.ConceptSetComponent include) {
    if (include.hasValueSet()) {
      throw new IllegalArgumentException("compose.include.valueSet (importing another value set) is not supported");
    }
    String system = include.getSystem();
    if (system == null || system.isBlank()) {
      throw new IllegalArgumentException("a compose.include has no system");
    }
    for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
      addCode(system, concept.getCode());
      addKeyword(concept.getDisplay());
      concept.getDesignation().stream()
          .filter(d -> TerminologyLoader.KEYWORD_USE.equals(d.getUse().getSystem()))
          .forEach(d -> addKeyword(d.getValue()));
    }
    for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
      if (filter.getOp() != ValueSet.FilterOperator.ISA || filter.getValue() == null) {
        throw new IllegalArgumentException("only is-a filters with a value are supported, got "
            + (filter.getOp() == null ? "none" : filter.getOp().toCode()) + " in " + system);
      }
      prefixes.computeIfAbsent(system, s -> new ArrayList<>()).add(filter.getValue());
    }
    if (!include.hasConcept() && !include.hasFilter()) {
      wholeSystems.add(system);
    }
  }

  private void addExpansion(List<ValueSet.ValueSetExpansionContainsComponent> contains) {
    for (ValueSet.ValueSetExpansionContainsComponent entry : contains) {
      if (entry.hasSystem() && entry.hasCode()) {
        addCode(entry.getSystem(), entry.getCode());
      }
      addExpansion(entry.getContains());
    }
  }

  void addCode(String system, String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a concept of " + system + " has no code");
    }
    codes.computeIfAbsent(system, s -> new HashSet<>()).add(code);
  }

  private void addKeyword(String keyword) {
    if (keyword != null && !keyword.isBlank()) {
      keywords.add(keyword.trim().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Resolves includes of a whole code system: the codes of a loaded code system, else any code of that system
   * (the empty prefix).
   */
  void includeWholeSystems(Map<String, Map<String, String>> loadedCodeSystems) {
    for (String system : wholeSystems) {
      Map<String, String> known = loadedCodeSystems.get(system);
      if (known == null) {
        prefixes.computeIfAbsent(system, s -> new ArrayList<>()).add("");
      } else {
        known.keySet().forEach(code -> addCode(system, code));
      }
    }
    wholeSystems.clear();
  }

  boolean contains(String system, String code) {
    return ValueSetIndex.contains(codes, prefixes, system, code);
  }

  List<TerminologySource> sources() {
    return List.copyOf(sources);
  }

  /** The keywords: for the value sets of a {@link TextContext}, its phrases. */
  Set<String> keywords() {
    return Set.copyOf(keywords);
  }

  ValueSetIndex index(TextContext context) {
    return new ValueSetIndex(url, codes, prefixes, keywords, context);
  }
}
