package org.pinpointcds.triage;

import java.time.Instant;

/**
 * A final, amended or corrected platelet count.
 *
 * @param perNanolitre the count in x10^9/L (equal to x10^3/uL)
 * @param asRecorded value and unit as the laboratory sent them, for the card
 */
public record PlateletCount(String reference, Instant takenAt, double perNanolitre, String asRecorded) {}
