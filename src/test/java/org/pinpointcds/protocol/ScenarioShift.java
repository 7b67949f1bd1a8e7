package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Moves every date and date-time of a scenario by the same amount, exactly as {@code shift} in
 * {@code shared/tools/run-scenarios.mjs} does: a date is read at 12:00 UTC, shifted and cut back to its date;
 * a date-time is shifted and written in UTC with {@code Z}, with milliseconds only when they are not zero.
 */
final class ScenarioShift {

  /** The runner's pattern for a string it treats as a date or date-time. */
  static final Pattern ISO =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$");
  private static final DateTimeFormatter JS_ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ScenarioShift() {}

  static JsonNode shift(JsonNode node, long millis) {
    if (node.isArray()) {
      ArrayNode shifted = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> shifted.add(shift(item, millis)));
      return shifted;
    }
    if (node.isObject()) {
      ObjectNode shifted = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> shifted.set(e.getKey(), shift(e.getValue(), millis)));
      return shifted;
    }
    if (node.isTextual() && ISO.matcher(node.asText()).matches()) {
      return JsonNodeFactory.instance.textNode(shift(node.asText(), millis));
    }
    return node;
  }

  static String shift(String value, long millis) {
    if (value.length() == 10) {
      Instant noon = LocalDate.parse(value).atTime(12, 0).toInstant(ZoneOffset.UTC);
      return noon.plusMillis(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    // JavaScript dates hold milliseconds: finer digits are dropped before shifting.
    Instant at = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
    return JS_ISO.format(at.plusMillis(millis)).replace(".000Z", "Z");
  }
}
