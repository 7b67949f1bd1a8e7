package org.pinpointcds.triage;

/** The published guidance a reason rests on. */
public record Guidance(String label, String url) {}
