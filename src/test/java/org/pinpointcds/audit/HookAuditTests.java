package org.pinpointcds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.SecuredApplicationTest;
import org.pinpointcds.testing.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail through the running application: answered calls, refused calls and malformed calls. */
class HookAuditTests extends SecuredApplicationTest {

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private BatchWriter<HookCallAudit> auditTrail;

  private Map<String, Object> auditOf(String hookInstance) {
    auditTrail.flush();
    return jdbc.queryForMap("select * from hook_call_audit where hook_instance = ?", hookInstance);
  }

  @Test
  void auditsAnAnsweredCallWithClientPatientOutcomeAndLatency() throws Exception {
    String hookInstance = UUID.randomUUID().toString();

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(SERVICE))
            .content(HookRequests.unexplainedPetechiae(hookInstance, "patient-7", Instant.now())))
        .andExpect(status().isOk());

    Map<String, Object> row = auditOf(hookInstance);
    assertThat(row).containsEntry("client", TestClient.ISSUER).containsEntry("service_id", "petechiae-triage")
        .containsEntry("patient_id", "patient-7").containsEntry("outcome", "same-day-cbc");
    assertThat((Long) row.get("latency_ms")).isNotNegative();
    assertThat(row.get("called_at")).isNotNull();
  }

  /** On PostgreSQL a NUL would make the row unstorable: the call is audited with the NUL escaped instead. */
  @Test
  void auditsACallWhosePatientIdHoldsAControlCharacterWithTheCharacterEscaped() throws Exception {
    String hookInstance = UUID.randomUUID().toString();

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(SERVICE))
            .content(HookRequests.unexplainedPetechiae(hookInstance, "patient\\u0000-7", Instant.now())))
        .andExpect(status().isOk());

    assertThat(auditOf(hookInstance)).containsEntry("patient_id", "patient\\u0000-7");
  }

  @Test
  void auditsACallWithNoCards() throws Exception {
    String hookInstance = UUID.randomUUID().toString();

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(SERVICE))
            .content(HookRequests.unexplainedPetechiae(hookInstance, "patient-8", Instant.now().minusSeconds(60L * 86400))))
        .andExpect(status().isOk());

    assertThat(auditOf(hookInstance)).containsEntry("outcome", "no-cards");
  }

  @Test
  void auditsARefusedCallWithItsStatus() throws Exception {
    long before = countOf("401");

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON)
            .content(HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "patient-9", Instant.now())))
        .andExpect(status().isUnauthorized());

    assertThat(countOf("401")).isEqualTo(before + 1);
  }

  @Test
  void auditsAMalformedCallWithItsStatus() throws Exception {
    long before = countOf("400");

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(SERVICE))
            .content("{\"hook\": \"patient-view\"}"))
        .andExpect(status().isBadRequest());

    assertThat(countOf("400")).isEqualTo(before + 1);
  }

  private long countOf(String outcome) {
    auditTrail.flush();
    return jdbc.queryForObject("select count(*) from hook_call_audit where outcome = ?", Long.class, outcome);
  }
}
