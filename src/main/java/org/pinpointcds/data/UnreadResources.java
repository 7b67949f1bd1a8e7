package org.pinpointcds.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.When;

/**
 * The resources of one call that could change the triage and could not be read (contract 5), gathered as the readers
 * meet them: each becomes a {@link DataGap} with its prefetch key and is told to the report, so a gap costs no
 * parsing beyond the reading the call makes anyway.
 */
final class UnreadResources {

  /** Why a resource was not read: the {@code reason} of the gap and of its metric. */
  enum Why {
    UNIT_UNKNOWN("unit-unknown", Ignored.UNIT),
    IMPLAUSIBLE("implausible", Ignored.IMPLAUSIBLE),
    UNREADABLE_VALUE("unreadable-value", Ignored.NO_VALUE),
    UNREADABLE_COMPONENT("unreadable-component", Ignored.UNREADABLE_COMPONENT),
    UNREADABLE_DATE("unreadable-date", Ignored.NO_DATE),
    UNKNOWN_CODE("unknown-code", Ignored.UNKNOWN_CODE);

    private final String code;
    private final Ignored ignored;

    Why(String code, Ignored ignored) {
      this.code = code;
      this.ignored = ignored;
    }
  }

  private final ResourcePool pool;
  private final ReadingReport report;
  private final List<DataGap> gaps = new ArrayList<>();

  UnreadResources(ResourcePool pool, ReadingReport report) {
    this.pool = pool;
    this.report = report;
  }

  /** A resource left unread as a whole. */
  void resource(Resource resource, DataGap.Kind kind, Why why, String detail, Optional<When> dated) {
    add(resource, kind, why, detail, dated);
    report.ignored(resource, why.ignored, () -> detail);
  }

  /** A part of a resource read otherwise (a component). */
  void part(Resource resource, DataGap.Kind kind, Why why, String detail, Optional<When> dated) {
    add(resource, kind, why, detail, dated);
    report.note(resource, () -> detail);
  }

  List<DataGap> gaps() {
    return List.copyOf(gaps);
  }

  private void add(Resource resource, DataGap.Kind kind, Why why, String detail, Optional<When> dated) {
    gaps.add(new DataGap(pool.keyOf(resource), reference(resource), kind, why.code, detail, dated));
  }

  static String reference(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }
}
