package org.pinpointcds.audit;

import java.util.List;
import org.pinpointcds.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code hook_call_audit}. */
final class AuditRepository {

  private final JdbcTemplate jdbc;

  AuditRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertAll(List<HookCallAudit> calls) {
    jdbc.batchUpdate("insert into hook_call_audit (called_at, client, service_id, hook_instance, patient_id, outcome,"
        + " latency_ms) values (?, ?, ?, ?, ?, ?, ?)", calls, calls.size(), (statement, call) -> {
          statement.setObject(1, Timestamps.utc(call.calledAt()));
          statement.setString(2, call.client());
          statement.setString(3, call.serviceId());
          statement.setString(4, call.hookInstance());
          statement.setString(5, call.patientId());
          statement.setString(6, call.outcome());
          statement.setLong(7, call.latencyMillis());
        });
  }
}
