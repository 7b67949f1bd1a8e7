package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.triage.When;

/** Contract 5.1: a date without a time is the whole period it names, in the site's time zone; a dateTime an instant. */
class FhirDatesTests {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "2026-11-19, UTC, 2026-11-19T00:00:00Z, 2026-11-19T23:59:59.999999999Z",
      "2026-11-19, America/New_York, 2026-11-19T05:00:00Z, 2026-11-20T04:59:59.999999999Z",
      "2026-11-19, Asia/Tokyo, 2026-11-18T15:00:00Z, 2026-11-19T14:59:59.999999999Z",
      "2026-11, UTC, 2026-11-01T00:00:00Z, 2026-11-30T23:59:59.999999999Z",
      "2026, UTC, 2026-01-01T00:00:00Z, 2026-12-31T23:59:59.999999999Z"})
  void aDateWithoutATimeIsTheWholePeriodInTheSiteZone(String date, String zone, Instant first, Instant last) {
    When when = FhirDates.when(new DateTimeType(date), ZoneId.of(zone)).orElseThrow();
    assertThat(when.first()).isEqualTo(first);
    assertThat(when.last()).isEqualTo(last);
    assertThat(when.period()).contains(date);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2026-11-19T23:30:00+05:00, 2026-11-19T18:30:00Z", "2026-11-19T08:00:00Z, 2026-11-19T08:00:00Z"})
  void aDateTimeWithAnOffsetIsAnInstantWhateverTheZone(String dateTime, Instant instant) {
    When when = FhirDates.when(new DateTimeType(dateTime), ZoneId.of("America/New_York")).orElseThrow();
    assertThat(when).isEqualTo(When.at(instant));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2026-11-19", "2026-11", "2026"})
  void aPeriodIsInsideALookBackWhenItsLastInstantIs(String date) {
    When when = FhirDates.when(new DateTimeType(date), ZoneOffset.UTC).orElseThrow();
    assertThat(when.within(when.last().plusSeconds(3600), java.time.Duration.ofHours(1))).isTrue();
    assertThat(when.within(when.last().plusSeconds(3601), java.time.Duration.ofHours(1))).isFalse();
  }
}
