package org.pinpointcds.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CodeSystem, ValueSet and ConceptMap JSON files into a {@link Terminology}: ours from
 * {@code fhir-profiles/} (other resources there, the profiles, are skipped), then a site's
 * ({@code pinpoint.terminology.extra-path}). A site ValueSet with the url of one of ours adds its codes and
 * keywords to ours (for the value sets of the {@link TextContext}: its phrases); a site ConceptMap maps local
 * codes onto codes of our value sets. A file that does not read, or that the loader could not apply
 * faithfully, stops start-up with its name and the problem.
 */
public final class TerminologyLoader {

  /** Designation use marking an extra free-text keyword of a concept. */
  public static final String KEYWORD_USE = Terminology.codeSystemUrl("designation-use");

  /** The FHIR package manifest in fhir-profiles/. */
  public static final String PACKAGE_MANIFEST = "package.json";

  private static final Logger log = LoggerFactory.getLogger(TerminologyLoader.class);

  private final FhirContext fhirContext;
  private final Map<String, ValueSetContent> valueSets = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> displays = new HashMap<>();
  private final List<ConceptMapping> mappings = new ArrayList<>();
  private final Map<String, TerminologySource> conceptMaps = new LinkedHashMap<>();
  private final Map<String, String> codeSystemVersions = new HashMap<>();

  public TerminologyLoader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /**
   * Adds one of Pinpoint's own files; {@code name} is used in error messages. The package manifest
   * ({@code package.json}) is not a resource and is skipped.
   */
  public TerminologyLoader add(String name, InputStream json) {
    if (PACKAGE_MANIFEST.equals(name)) {
      return this;
    }
    IBaseResource resource = parse(name, json, new LenientErrorHandler(false));
    if (resource instanceof ValueSet || resource instanceof CodeSystem || resource instanceof ConceptMap) {
      apply(name, resource, false);
    }
    return this;
  }

  /**
   * Adds a site's file: a ValueSet, ConceptMap or CodeSystem, anything else is an error. Parsed strictly: an
   * unknown element (a typo) would otherwise be dropped in silence.
   */
  public TerminologyLoader addSite(String name, InputStream json) {
    IBaseResource resource = parse(name, json, new StrictErrorHandler());
    if (!(resource instanceof ValueSet || resource instanceof CodeSystem || resource instanceof ConceptMap)) {
      throw problem(name, "is a " + fhirContext.getResourceType(resource)
          + "; the site terminology folder holds ValueSets, ConceptMaps and CodeSystems");
    }
    apply(name, resource, true);
    return this;
  }

  public Terminology build() {
    valueSets.values().forEach(content -> content.includeWholeSystems(displays));
    Map<String, List<ConceptMapping>> translations = new HashMap<>();
    for (ConceptMapping mapping : mappings) {
      List<ValueSetContent> targets = valueSets.values().stream()
          .filter(content -> content.contains(mapping.targetSystem(), mapping.targetCode()))
          .toList();
      if (targets.isEmpty()) {
        throw problem(mapping.file(), "maps " + mapping.source() + " to " + mapping.target()
            + ", which is in none of Pinpoint's value sets");
      }
      targets.forEach(content -> content.addCode(mapping.sourceSystem(), mapping.sourceCode()));
      translations.computeIfAbsent(mapping.source(), s -> new ArrayList<>()).add(mapping);
    }
    TextContext context = TextContext.from(this::keywordsOf);
    Map<String, ValueSetIndex> indexes = new LinkedHashMap<>();
    Map<String, List<TerminologySource>> sources = new LinkedHashMap<>();
    valueSets.forEach((url, content) -> {
      indexes.put(url, content.index(context));
      sources.put(url, content.sources());
    });
    return new Terminology(indexes, displays, translations, sources, conceptMaps, codeSystemVersions, context);
  }

  private Set<String> keywordsOf(String valueSetId) {
    ValueSetContent content = valueSets.get(Terminology.valueSetUrl(valueSetId));
    return content == null ? Set.of() : content.keywords();
  }

  private IBaseResource parse(String name, InputStream json, IParserErrorHandler errors) {
    try (InputStreamReader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
      return fhirContext.newJsonParser().setParserErrorHandler(errors).parseResource(reader);
    } catch (DataFormatException | IOException e) {
      throw problem(name, "is not FHIR R4 JSON: " + e.getMessage());
    }
  }

  private void apply(String name, IBaseResource resource, boolean site) {
    try {
      if (resource instanceof ValueSet valueSet) {
        addValueSet(name, valueSet, site);
      } else if (resource instanceof CodeSystem codeSystem) {
        collect(codeSystem.getConcept(), displays.computeIfAbsent(requireUrl(codeSystem.getUrl()), url -> new HashMap<>()));
        codeSystemVersions.put(codeSystem.getUrl(), codeSystem.getVersion());
      } else if (resource instanceof ConceptMap conceptMap) {
        addConceptMap(name, conceptMap, site);
      }
    } catch (IllegalArgumentException e) {
      throw problem(name, e.getMessage());
    }
  }

  private void addValueSet(String name, ValueSet valueSet, boolean site) {
    String url = requireUrl(valueSet.getUrl());
    if (!valueSet.getCompose().hasInclude() && !valueSet.getExpansion().hasContains()) {
      throw new IllegalArgumentException("ValueSet " + url + " has neither compose.include nor expansion.contains");
    }
    if (site && !valueSets.containsKey(url)) {
      log.warn("site value set {} ({}) has the url of none of Pinpoint's value sets: nothing reads it", url, name);
    }
    valueSets.computeIfAbsent(url, ValueSetContent::new)
        .add(valueSet, new TerminologySource(name, valueSet.getVersion(), site));
  }

  private void addConceptMap(String name, ConceptMap conceptMap, boolean site) {
    if (!conceptMap.hasGroup()) {
      throw new IllegalArgumentException("ConceptMap has no group");
    }
    for (ConceptMap.ConceptMapGroupComponent group : conceptMap.getGroup()) {
      if (!group.hasSource() || !group.hasTarget()) {
        throw new IllegalArgumentException("every ConceptMap group needs a source and a target system");
      }
      for (ConceptMap.SourceElementComponent element : group.getElement()) {
        if (!element.hasCode()) {
          throw new IllegalArgumentException("an element of the group from " + group.getSource() + " has no code");
        }
        for (ConceptMap.TargetElementComponent target : element.getTarget()) {
          if (target.getEquivalence() == ConceptMapEquivalence.UNMATCHED
              || target.getEquivalence() == ConceptMapEquivalence.DISJOINT) {
            continue;
          }
          if (!target.hasCode()) {
            throw new IllegalArgumentException("the target of " + group.getSource() + "|" + element.getCode() + " has no code");
          }
          mappings.add(new ConceptMapping(group.getSource(), element.getCode(), group.getTarget(), target.getCode(), name));
        }
      }
    }
    conceptMaps.put(conceptMap.hasUrl() ? conceptMap.getUrl() : name, new TerminologySource(name, conceptMap.getVersion(), site));
  }

  private static String requireUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the resource has no url");
    }
    return url;
  }

  private static void collect(List<CodeSystem.ConceptDefinitionComponent> concepts, Map<String, String> codes) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      codes.put(concept.getCode(), concept.getDisplay());
      collect(concept.getConcept(), codes);
    }
  }

  private static IllegalStateException problem(String file, String what) {
    return new IllegalStateException("terminology file " + file + " " + what);
  }
}
