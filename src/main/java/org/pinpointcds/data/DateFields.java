package org.pinpointcds.data;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.triage.When;

/**
 * The date fields of a resource type in the order they are taken. The tree ({@link TreeDates}) and the readers
 * ({@link #first}, {@link #latest}) iterate this one list, so that a date field changes in one place.
 */
final class DateFields<R> {

  private final List<DateField<R>> fields;
  private final JsonPointer[] pointers;

  @SafeVarargs
  DateFields(DateField<R>... fields) {
    this.fields = List.of(fields);
    this.pointers = new JsonPointer[fields.length];
    for (int i = 0; i < fields.length; i++) {
      pointers[i] = fields[i].pointer();
    }
  }

  List<DateField<R>> fields() {
    return fields;
  }

  /** The fields' pointers, in order: one array for every call, which {@link TreeDates} only reads. */
  JsonPointer[] pointers() {
    return pointers;
  }

  /** The first field present. A loop: every dated resource of a call comes through here. */
  Optional<When> first(R resource, ZoneId zone) {
    for (DateField<R> field : fields) {
      Optional<When> when = FhirDates.when(field.accessor().apply(resource), zone);
      if (when.isPresent()) {
        return when;
      }
    }
    return Optional.empty();
  }

  /** The latest of the fields present, by first instant; of two equal ones, the earlier field's. */
  Optional<When> latest(R resource, ZoneId zone) {
    Optional<When> latest = Optional.empty();
    for (DateField<R> field : fields) {
      Optional<When> when = FhirDates.when(field.accessor().apply(resource), zone);
      if (when.isPresent() && (latest.isEmpty() || when.get().first().isAfter(latest.get().first()))) {
        latest = when;
      }
    }
    return latest;
  }

  /** {@code effectiveDateTime, effectivePeriod.start or issued} for the conjunction {@code or}. */
  String names(String conjunction) {
    return Words.listed(fields.stream().map(DateField::name).toList(), conjunction);
  }
}
