package org.pinpointcds.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An enum whose constants are codes of a Pinpoint code system: {@code GUM_BLEEDING} is {@code gum-bleeding}. */
public interface Coded {

  String name();

  /** The code as written in FHIR data. */
  default String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of {@code type} whose code is {@code code}; empty for a code this version does not know. */
  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
  }
}
