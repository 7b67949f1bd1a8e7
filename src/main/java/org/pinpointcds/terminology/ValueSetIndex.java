package org.pinpointcds.terminology;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ValueSet made ready for matching: its explicit codes, its is-a filters (prefix matches, for code
 * systems whose codes nest by prefix: ATC, ICD-10-CM; a whole code system is the empty prefix) and its
 * keywords for free text, read in their {@link TextContext}.
 */
public final class ValueSetIndex {

  /** Bounds on the answers kept (about 1 MB a value set at most, whatever callers send). */
  private static final int TEXT_ANSWERS_KEPT = 4_096;
  private static final int TEXT_KEPT_LENGTH = 120;

  private final String url;
  /** The codes by system: matching a coding then builds no {@code system|code} string. */
  private final Map<String, Set<String>> codesBySystem;
  private final Map<String, List<String>> prefixes;
  private final Pattern keywords;
  private final TextContext context;
  /**
   * Answers of {@link #matchesText} by text. A hospital names its medicines and findings in a few thousand ways,
   * and every medicine of every call is matched against every drug class; past the bounds, texts are matched anew.
   */
  private final Map<String, Boolean> textAnswers = new ConcurrentHashMap<>();

  ValueSetIndex(String url, Map<String, Set<String>> codes, Map<String, List<String>> prefixes, Set<String> keywords,
      TextContext context) {
    this.url = url;
    this.codesBySystem = codes.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    this.prefixes = Map.copyOf(prefixes);
    this.keywords = keywords.isEmpty() ? null : PhrasePattern.of(keywords);
    this.context = context;
  }

  public String url() {
    return url;
  }

  /** The code systems the value set lists codes or code prefixes of. */
  public Set<String> systems() {
    Set<String> systems = new HashSet<>(codesBySystem.keySet());
    systems.addAll(prefixes.keySet());
    return Set.copyOf(systems);
  }

  /** Whether the coding {@code system|code} is in the value set. */
  public boolean contains(String system, String code) {
    return contains(codesBySystem, prefixes, system, code);
  }

  /**
   * Whether {@code code} is one of {@code codes} of {@code system} or starts with one of its system's
   * {@code prefixes}. Loops, not streams: every medicine of a call is matched against every drug class.
   */
  static boolean contains(Map<String, Set<String>> codes, Map<String, List<String>> prefixes, String system, String code) {
    if (system == null || code == null) {
      return false;
    }
    Set<String> ofSystem = codes.get(system);
    if (ofSystem != null && ofSystem.contains(code)) {
      return true;
    }
    for (String prefix : prefixes.getOrDefault(system, List.of())) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a keyword of the value set stands as whole words in {@code text} (case-insensitive), at least once
   * neither negated nor inside an exclusion phrase ({@link TextContext}).
   */
  public boolean matchesText(String text) {
    if (keywords == null || text == null) {
      return false;
    }
    Boolean known = textAnswers.get(text);
    if (known != null) {
      return known;
    }
    // The keyword first: a text naming none costs one search, its context is read only around a keyword found.
    Matcher keyword = keywords.matcher(text);
    boolean matches = false;
    while (!matches && keyword.find()) {
      matches = context.affirms(text, keyword.start(), keyword.end());
    }
    if (text.length() <= TEXT_KEPT_LENGTH && textAnswers.size() < TEXT_ANSWERS_KEPT) {
      textAnswers.put(text, matches);
    }
    return matches;
  }
}
