package org.pinpointcds.triage;

import java.time.Instant;

/** An active or completed CBC order. */
public record CbcOrder(String reference, String name, Instant authoredOn) {}
