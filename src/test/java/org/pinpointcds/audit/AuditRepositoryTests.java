package org.pinpointcds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinpointcds.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

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
}
