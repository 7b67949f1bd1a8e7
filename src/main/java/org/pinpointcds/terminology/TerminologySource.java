package org.pinpointcds.terminology;

/**
 * Where a value set or concept map came from, as the actuator shows it.
 *
 * @param file the file name (ours) or path (a site's)
 * @param version the resource's {@code version}, or null when it has none
 * @param site true for a file from the site folder ({@code pinpoint.terminology.extra-path})
 */
public record TerminologySource(String file, String version, boolean site) {}
