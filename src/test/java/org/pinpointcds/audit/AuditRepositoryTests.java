package org.pinpointcds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.storage.InOneTransaction;
import org.pinpointcds.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The audit trail's table on H2 and on PostgreSQL. */
class AuditRepositoryTests {

  private static final Instant CALLED = Instant.parse("2026-11-20T10:00:00.123Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void writesEveryColumnOfACall(TestDatabase database) {
    JdbcTemplate jdbc = database.empty();

    new AuditRepository(jdbc).insertAll(List.of(
        new HookCallAudit(CALLED, "https://ehr.example", "petechiae-triage", "hook-1", "patient-1", "same-day-cbc", 42),
        new HookCallAudit(CALLED, "anonymous", "petechiae-triage", null, null, "401", 3)));

    List<Map<String, Object>> rows = jdbc.queryForList("select * from hook_call_audit order by latency_ms desc");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("client", "https://ehr.example").containsEntry("service_id", "petechiae-triage")
        .containsEntry("hook_instance", "hook-1").containsEntry("patient_id", "patient-1")
        .containsEntry("outcome", "same-day-cbc").containsEntry("latency_ms", 42L);
    assertThat(rows.get(1)).containsEntry("outcome", "401").containsEntry("patient_id", null);
    assertThat(jdbc.queryForObject("select min(called_at) from hook_call_audit", OffsetDateTime.class).toInstant())
        .isEqualTo(CALLED);
  }

  /** PostgreSQL refuses a NUL in text: that row alone is lost, not the other callers' rows of its batch. */
  @Test
  void aRowThatPostgresqlRefusesLosesOnlyItselfNotItsBatch() {
    JdbcTemplate jdbc = TestDatabase.POSTGRESQL.empty();
    AuditRepository repository = new AuditRepository(jdbc);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
    try (BatchWriter<HookCallAudit> trail = new BatchWriter<>("test-audit", 100, 10, Duration.ofHours(1),
        InOneTransaction.writing(transactions, repository::insertAll))) {
      trail.offer(call("hook-1", "patient-1"));
      trail.offer(call("hook-2", "patient\u0000-2"));
      trail.offer(call("hook-3", "patient-3"));

      trail.flush();

      assertThat(jdbc.queryForList("select hook_instance from hook_call_audit order by hook_instance", String.class))
          .containsExactly("hook-1", "hook-3");
      assertThat(trail.refused()).isEqualTo(1);
    }
  }

  private static HookCallAudit call(String hookInstance, String patientId) {
    return new HookCallAudit(CALLED, "anonymous", "petechiae-triage", hookInstance, patientId, "no-cards", 5);
  }
}
