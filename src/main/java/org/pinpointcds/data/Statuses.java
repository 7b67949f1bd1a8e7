package org.pinpointcds.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The codes of a status element that count, and those that never do: every other code of the element's FHIR value
 * set. A code outside the value set (or no status) is neither: the tree keeps such a resource, and its reader says
 * why it does not count. The readers ask by HAPI's enumeration, the tree by code; both sets come from the one list.
 *
 * @param counted the codes that count, in the order messages name them
 * @param countedValues the same as HAPI's enumeration: an EnumSet, which answers {@code contains(null)} (a resource
 *     without a status) with false where {@code Set.of} throws
 * @param neverCounted every other code of the value set
 */
record Statuses<E extends Enum<E>>(Set<String> counted, Set<E> countedValues, Set<String> neverCounted) {

  /** @param toCode HAPI's {@code toCode}, null for its {@code NULL} constant */
  static <E extends Enum<E>> Statuses<E> of(Class<E> type, Function<E, String> toCode, String... counted) {
    Set<String> codes = new LinkedHashSet<>(List.of(counted));
    Set<E> values = EnumSet.noneOf(type);
    Set<String> never = new HashSet<>();
    for (E value : type.getEnumConstants()) {
      String code = toCode.apply(value);
      if (codes.contains(code)) {
        values.add(value);
      } else if (code != null) {
        never.add(code);
      }
    }
    if (codes.isEmpty() || values.size() != codes.size()) {
      throw new IllegalArgumentException(codes + " are not codes of " + type.getSimpleName());
    }
    return new Statuses<>(Collections.unmodifiableSet(codes), Collections.unmodifiableSet(values),
        Collections.unmodifiableSet(never));
  }

  /** The statuses that count in either: what never counts is what neither counts. */
  Statuses<E> and(Statuses<E> other) {
    Set<String> codes = new LinkedHashSet<>(counted);
    codes.addAll(other.counted);
    Set<E> values = EnumSet.copyOf(countedValues);
    values.addAll(other.countedValues);
    Set<String> never = new HashSet<>(neverCounted);
    never.retainAll(other.neverCounted);
    return new Statuses<>(Collections.unmodifiableSet(codes), Collections.unmodifiableSet(values),
        Collections.unmodifiableSet(never));
  }

  boolean counts(E status) {
    return countedValues.contains(status);
  }

  /** On the tree: the status element's text. */
  boolean counts(String code) {
    return counted.contains(code);
  }

  boolean neverCounts(String code) {
    return neverCounted.contains(code);
  }

  /** {@code active, on-hold}. */
  String listed() {
    return String.join(", ", counted);
  }

  /** {@code final, amended or corrected} for the conjunction {@code or}. */
  String listed(String conjunction) {
    return Words.listed(new ArrayList<>(counted), conjunction);
  }
}
