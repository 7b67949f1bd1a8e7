package org.pinpointcds.audit;

import java.time.Instant;

/**
 * One row of the audit trail of hook calls. Nothing clinical beyond the patient id.
 *
 * @param serviceId null when the path named no service
 * @param hookInstance null, as is the patient id, when the request could not be read that far
 * @param outcome the topic of the most urgent card, {@code no-cards}, or the HTTP status of an error
 */
record HookCallAudit(Instant calledAt, String client, String serviceId, String hookInstance, String patientId,
    String outcome, long latencyMillis) {}
