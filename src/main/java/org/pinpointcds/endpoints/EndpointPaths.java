package org.pinpointcds.endpoints;

/**
 * The HTTP paths that several folders name (the controllers that serve them, and the filters, security, metrics and
 * simulator that guard or count them): stated once, in a folder that imports nothing.
 */
public final class EndpointPaths {

  /** Discovery; each service at {@code /cds-services/{id}}, its feedback at {@code /cds-services/{id}/feedback}. */
  public static final String CDS_SERVICES = "/cds-services";
  public static final String FEEDBACK_REPORT = "/feedback-report";
  public static final String PATIENT_DATA_DIAGNOSTICS = "/diagnostics/patient-data";

  private EndpointPaths() {}
}
