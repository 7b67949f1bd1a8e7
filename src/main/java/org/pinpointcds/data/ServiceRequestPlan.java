package org.pinpointcds.data;

import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/** What of a CBC order counts (contract 4), for the tree ({@link PrefetchSelection}) and {@link SnapshotBuilder}. */
final class ServiceRequestPlan {

  static final Statuses<ServiceRequestStatus> STATUSES = Statuses.of(ServiceRequestStatus.class,
      ServiceRequestStatus::toCode, "active", "completed");
  /** When it was ordered, held against the CBC order look-back. */
  static final DateFields<ServiceRequest> DATES = new DateFields<>(
      DateField.of("authoredOn", ServiceRequest::getAuthoredOnElement));

  private ServiceRequestPlan() {}
}
