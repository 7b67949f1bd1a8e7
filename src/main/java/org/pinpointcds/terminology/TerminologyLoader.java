package org.pinpointcds.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Reads CodeSystem and ValueSet JSON files into a {@link Terminology}; other resources (examples, profiles)
 * are skipped. A file that does not parse stops start-up with its name and the problem.
 */
public final class TerminologyLoader {

  /** Designation use marking an extra free-text keyword of a concept. */
  public static final String KEYWORD_USE = Terminology.codeSystemUrl("designation-use");

  private final FhirContext fhirContext;
  private final Map<String, ValueSetIndex> valueSets = new HashMap<>();
  private final Map<String, Map<String, String>> displays = new HashMap<>();
  private final Map<String, String> versions = new HashMap<>();

  public TerminologyLoader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** Adds one file; {@code name} is used in error messages. */
  public TerminologyLoader add(String name, InputStream json) {
    IBaseResource resource;
    try (InputStreamReader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
      resource = fhirContext.newJsonParser().parseResource(reader);
    } catch (DataFormatException | IOException e) {
      throw new IllegalStateException("cannot read terminology file " + name + ": " + e.getMessage(), e);
    }
    if (resource instanceof ValueSet valueSet) {
      valueSets.put(valueSet.getUrl(), index(valueSet));
      versions.put(valueSet.getUrl(), valueSet.getVersion());
    } else if (resource instanceof CodeSystem codeSystem) {
      Map<String, String> codes = displays.computeIfAbsent(codeSystem.getUrl(), url -> new HashMap<>());
      collect(codeSystem.getConcept(), codes);
      versions.put(codeSystem.getUrl(), codeSystem.getVersion());
    }
    return this;
  }

  public Terminology build() {
    return new Terminology(valueSets, displays, versions);
  }

  private static void collect(List<CodeSystem.ConceptDefinitionComponent> concepts, Map<String, String> codes) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      codes.put(concept.getCode(), concept.getDisplay());
      collect(concept.getConcept(), codes);
    }
  }

  private static ValueSetIndex index(ValueSet valueSet) {
    Set<String> codes = new HashSet<>();
    Map<String, List<String>> prefixes = new HashMap<>();
    Set<String> keywords = new HashSet<>();
    for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      String system = include.getSystem();
      for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
        codes.add(system + "|" + concept.getCode());
        addKeyword(keywords, concept.getDisplay());
        concept.getDesignation().stream()
            .filter(d -> KEYWORD_USE.equals(d.getUse().getSystem()))
            .forEach(d -> addKeyword(keywords, d.getValue()));
      }
      for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
        if (filter.getOp() != ValueSet.FilterOperator.ISA) {
          throw new IllegalStateException(
              "value set " + valueSet.getUrl() + ": only is-a filters are supported, got " + filter.getOp());
        }
        prefixes.computeIfAbsent(system, s -> new ArrayList<>()).add(filter.getValue());
      }
    }
    return new ValueSetIndex(valueSet.getUrl(), codes, prefixes, keywords);
  }

  private static void addKeyword(Set<String> keywords, String keyword) {
    if (keyword != null && !keyword.isBlank()) {
      keywords.add(keyword.trim().toLowerCase(Locale.ROOT));
    }
  }
}
