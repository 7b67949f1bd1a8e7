package org.pinpointcds.config;

/**
 * A threshold or look-back as the service uses it.
 *
 * @param name as in {@code pinpoint.triage.<name>}, e.g. {@code fever-celsius} or
 *     {@code medication-lookback.antiplatelets}
 * @param origin where the value comes from: a Spring property, the site file, or the service definition,
 *     with the guidance or decision it rests on
 */
public record ActiveSetting(String name, String value, String origin) {}
