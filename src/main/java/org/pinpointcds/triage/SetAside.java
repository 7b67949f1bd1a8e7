package org.pinpointcds.triage;

/**
 * Data the data layer read that the rules leave out at this moment, and why: older than its look-back, or
 * not the latest of its kind.
 *
 * @param reference the resource, e.g. {@code Observation/skin-1}
 * @param reason {@code outside-lookback} or {@code not-latest}
 */
public record SetAside(String reference, String reason, String detail) {}
