package org.pinpointcds.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the tokens of a prefetch template (CDS Hooks 2.0, Prefetch tokens): {@code {{context.x}}} for a
 * first-level context field, and the user tokens such as {@code {{userPractitionerId}}}.
 */
final class PrefetchTemplate {

  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  private PrefetchTemplate() {}

  /** The query with every token replaced; empty when a token has no value in this call. */
  static Optional<String> resolve(String template, Map<String, String> tokens) {
    Matcher matcher = TOKEN.matcher(template);
    StringBuilder query = new StringBuilder();
    while (matcher.find()) {
      String value = tokens.get(matcher.group(1));
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      matcher.appendReplacement(query, Matcher.quoteReplacement(
          URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
    matcher.appendTail(query);
    return Optional.of(query.toString());
  }
}
