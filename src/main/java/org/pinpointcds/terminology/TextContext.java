package org.pinpointcds.terminology;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a keyword found in free text counts, ConText-style (contract section 5.4): not when it lies inside an
 * exclusion phrase ("hay fever"), nor when a pre-negation trigger precedes it ("denies gum bleeding") or a
 * post-negation trigger follows it ("fever resolved") in its clause. A clause ends at a clause-break phrase or a line
 * break; punctuation between two digits ("38.5", "1,000") is part of a number, not a break. The phrases are data:
 * the keywords of four value sets of {@code fhir-profiles/}, with a site's additions.
 */
final class TextContext {

  /** Lines of a note are separate statements, whatever punctuation they lack. */
  private static final String LINE_BREAK = "\\R";

  private final Pattern preNegations;
  private final Pattern postNegations;
  /** One pattern a phrase (they are few): each is found wherever it starts, even across another one. */
  private final List<Pattern> exclusions;
  private final Pattern clauseBreaks;

  private TextContext(Collection<String> preNegations, Collection<String> postNegations, Collection<String> exclusions,
      Collection<String> clauseBreaks) {
    this.preNegations = PhrasePattern.of(preNegations);
    this.postNegations = PhrasePattern.of(postNegations);
    this.exclusions = exclusions.stream().map(phrase -> PhrasePattern.of(List.of(phrase))).toList();
    this.clauseBreaks = PhrasePattern.of(clauseBreaks, LINE_BREAK);
  }

  /** The phrases of each role from the value set of that id; a value set that is not loaded gives none. */
  static TextContext from(Function<String, Set<String>> phrasesOfValueSet) {
    return new TextContext(phrasesOfValueSet.apply("negation-triggers"),
        phrasesOfValueSet.apply("post-negation-triggers"), phrasesOfValueSet.apply("keyword-exclusions"),
        phrasesOfValueSet.apply("clause-breaks"));
  }

  /** Whether the keyword found at {@code start} to {@code end} of {@code text} is affirmed there. */
  boolean affirms(String text, int start, int end) {
    if (insideExclusion(text, start, end)) {
      return false;
    }
    Clause clause = clauseAround(text, start, end);
    return !found(preNegations, text, clause.start(), start) && !found(postNegations, text, end, clause.end());
  }

  private boolean insideExclusion(String text, int start, int end) {
    for (Pattern phrase : exclusions) {
      Matcher exclusion = phrase.matcher(text);
      while (exclusion.find() && exclusion.start() <= start) {
        if (exclusion.end() >= end) {
          return true;
        }
      }
    }
    return false;
  }

  /** The clause around a keyword; a break inside the keyword itself ("fever, unspecified") does not end it. */
  private Clause clauseAround(String text, int start, int end) {
    Matcher clauseBreak = clauseBreaks.matcher(text);
    int clauseStart = 0;
    while (clauseBreak.find()) {
      if (!insideNumber(text, clauseBreak.start(), clauseBreak.end())) {
        if (clauseBreak.end() <= start) {
          clauseStart = clauseBreak.end();
        } else if (clauseBreak.start() >= end) {
          return new Clause(clauseStart, clauseBreak.start());
        }
      }
    }
    return new Clause(clauseStart, text.length());
  }

  /** A mark between two digits ("38.5", "1,000", "1:100"); a line break between them still ends the clause. */
  private static boolean insideNumber(String text, int start, int end) {
    return start > 0 && end < text.length() && !Character.isWhitespace(text.charAt(start))
        && Character.isDigit(text.charAt(start - 1)) && Character.isDigit(text.charAt(end));
  }

  /** Whether a phrase lies within {@code from} to {@code to}; the text around still decides its word boundaries. */
  private static boolean found(Pattern phrases, String text, int from, int to) {
    return phrases.matcher(text).region(from, to).useTransparentBounds(true).find();
  }

  private record Clause(int start, int end) {}
}
