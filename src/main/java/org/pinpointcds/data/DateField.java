package org.pinpointcds.data;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * A date element as both paths read it: by its pointer on the JSON tree ({@link TreeDates}), by its accessor on the
 * HAPI model ({@link FhirDates}).
 *
 * @param name the element's FHIR path, as messages name it: {@code effectivePeriod.start}
 * @param pointer the same path on the tree, compiled once
 * @param accessor the value on the model; null where absent, or where a choice element holds another type (HAPI's
 *     typed getter would throw)
 */
record DateField<R>(String name, JsonPointer pointer, Function<R, BaseDateTimeType> accessor) {

  static <R> DateField<R> of(String name, Function<R, BaseDateTimeType> accessor) {
    return new DateField<>(name, JsonPointer.compile("/" + name.replace('.', '/')), accessor);
  }
}
