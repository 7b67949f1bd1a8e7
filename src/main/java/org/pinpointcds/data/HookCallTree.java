package org.pinpointcds.data;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;

/**
 * Reads a hook call's JSON into a Jackson tree as {@code ObjectMapper.readTree} does, except that each prefetch
 * resource comes without the elements nothing in Pinpoint reads ({@link #UNREAD}), and each Bundle entry without
 * its {@code search}: an EHR sends every resource with its meta, subject, category and more, whose nodes would be
 * built only to be dropped (how much: docs/performance.md). The parser still reads every byte, so
 * malformed JSON anywhere is refused as before. The diagnostics read the whole tree: they report what HAPI's parser
 * makes of every element.
 */
public final class HookCallTree {

  /**
   * Elements of a resource that neither {@link PrefetchSelection}, {@link LeanParser} nor any reader reads, checked
   * against {@link ReadElements} when the class loads. A malformed value in one of them is not refused by the hook
   * call, as it was not in the many other elements the lean parser skips ({@code PrefetchSelectionEquivalenceTests}).
   */
  static final Set<String> UNREAD = ReadElements.notRead("meta", "text", "identifier", "category", "subject",
      "encounter", "performer", "referenceRange", "interpretation", "note");

  private final JsonNodeFactory nodes;

  /** @param mapper the mapper whose parsers read the calls: its node factory makes the nodes */
  public HookCallTree(ObjectMapper mapper) {
    int numberCoercions = DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS.getMask()
        | DeserializationFeature.USE_BIG_INTEGER_FOR_INTS.getMask() | DeserializationFeature.USE_LONG_FOR_INTS.getMask();
    if (mapper.getDeserializationConfig().hasSomeOfFeatures(numberCoercions)) {
      throw new IllegalArgumentException("a hook call's numbers are read as a default ObjectMapper reads them");
    }
    this.nodes = mapper.getNodeFactory();
  }

  /** The tree of the JSON value the parser reads next; null when there is none (an empty body). */
  public JsonNode read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    return first == null ? null : value(parser, first, Level.CALL);
  }

  /**
   * Lets through a number that a double holds (RFC 8259 section 6: IEEE 754 doubles are what
   * interoperates). {@code 1e999} or a 999-digit integer is beyond that range and beyond any measurement; as a
   * double it would be infinite, which no FHIR decimal can hold, and as an exact decimal its exponent would make
   * the unit conversions' arithmetic unbounded. Refused, naming where it stands.
   */
  private static void requireFinite(JsonParser parser, double value) throws IOException {
    if (Double.isInfinite(value)) {
      String written = parser.getText();
      throw new InputCoercionException(parser, "the number at " + parser.getParsingContext().pathAsPointer() + " ("
          + (written.length() > 24 ? written.substring(0, 20) + "..." : written)
          + ") is beyond the range of a double (RFC 8259 section 6)", parser.currentToken(), Double.class);
    }
  }

  /** Where in a hook call a value stands, which decides what of it is left out. */
  private enum Level {
    CALL, PREFETCH, PREFETCH_VALUE, ENTRIES, ENTRY, RESOURCE, WHOLE;

    /** The level of the value of field {@code name} of an object at this level; null for a field left out. */
    Level field(String name) {
      return switch (this) {
        case CALL -> name.equals("prefetch") ? PREFETCH : WHOLE;
        case PREFETCH -> PREFETCH_VALUE;
        case PREFETCH_VALUE -> name.equals("entry") ? ENTRIES : UNREAD.contains(name) ? null : WHOLE;
        case ENTRY -> name.equals("resource") ? RESOURCE : name.equals("search") ? null : WHOLE;
        case RESOURCE -> UNREAD.contains(name) ? null : WHOLE;
        case ENTRIES, WHOLE -> WHOLE;
      };
    }

    Level element() {
      return this == ENTRIES ? ENTRY : WHOLE;
    }
  }

  private JsonNode value(JsonParser parser, JsonToken token, Level level) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          JsonToken field = parser.nextToken();
          Level inner = level.field(name);
          if (inner == null) {
            parser.skipChildren();
          } else {
            object.set(name, value(parser, field, inner)); // a repeated name keeps the last value, as readTree does
          }
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
          array.add(value(parser, element, level.element()));
        }
        yield array;
      }
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> nodes.numberNode(parser.getIntValue());
        case LONG -> nodes.numberNode(parser.getLongValue());
        default -> {
          BigInteger value = parser.getBigIntegerValue();
          requireFinite(parser, value.doubleValue());
          yield nodes.numberNode(value);
        }
      };
      case VALUE_NUMBER_FLOAT -> {
        double value = parser.getDoubleValue();
        requireFinite(parser, value);
        yield nodes.numberNode(value);
      }
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new JsonParseException(parser, "unexpected " + token); // not in JSON text
    };
  }
}
