package org.pinpointcds.triage;

import java.time.Instant;

/** A body temperature, converted to degrees Celsius. */
public record Temperature(String reference, Instant measuredAt, double celsius) {}
