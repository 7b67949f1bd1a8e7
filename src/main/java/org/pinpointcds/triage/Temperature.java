package org.pinpointcds.triage;

/**
 * A body temperature, converted to degrees Celsius.
 *
 * @param unitInferred recorded without a usable unit: read as °C or °F from its value (contract 5.2)
 */
public record Temperature(String reference, When measuredAt, double celsius, boolean unitInferred) {}
