package org.pinpointcds.terminology;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One regular expression for a list of phrases (keywords, negation triggers, clause breaks), case-insensitive. An end
 * of a phrase that is a letter or digit must be a word boundary ("heparin" does not match inside "heparinoid", "no"
 * not inside "nose"); an end that is punctuation matches anywhere (";"). A space in a phrase stands for any run of
 * white space.
 */
final class PhrasePattern {

  private static final String WORD_CHARACTER = "[\\p{L}\\p{N}]";
  private static final Pattern STARTS_WITH_WORD = Pattern.compile("^" + WORD_CHARACTER);
  private static final Pattern ENDS_WITH_WORD = Pattern.compile(WORD_CHARACTER + "$");

  private PhrasePattern() {}

  /** Any of {@code phrases}, or of {@code regularExpressions}; with neither, a pattern that never matches. */
  static Pattern of(Collection<String> phrases, String... regularExpressions) {
    // Phrases with the same kinds of ends share one boundary check: a check in each of a hundred alternatives
    // made a text without any keyword ten times slower to search.
    Stream<String> groups = phrases.stream().sorted()
        .collect(Collectors.groupingBy(Ends::of, LinkedHashMap::new,
            Collectors.mapping(PhrasePattern::words, Collectors.joining("|"))))
        .entrySet().stream().map(group -> group.getKey().around(group.getValue()));
    String alternatives = Stream.concat(groups, Arrays.stream(regularExpressions)).collect(Collectors.joining("|"));
    return Pattern.compile(alternatives.isEmpty() ? "(?!)" : alternatives,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String words(String phrase) {
    return Arrays.stream(phrase.trim().split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
  }

  /** Whether a phrase starts and ends with a letter or digit, and so needs a word boundary there. */
  private record Ends(boolean wordFirst, boolean wordLast) {

    static Ends of(String phrase) {
      return new Ends(STARTS_WITH_WORD.matcher(phrase).find(), ENDS_WITH_WORD.matcher(phrase).find());
    }

    String around(String alternatives) {
      return (wordFirst ? "(?<!" + WORD_CHARACTER + ")" : "") + "(?:" + alternatives + ")"
          + (wordLast ? "(?!" + WORD_CHARACTER + ")" : "");
    }
  }
}
