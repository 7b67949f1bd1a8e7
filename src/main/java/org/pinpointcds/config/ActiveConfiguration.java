package org.pinpointcds.config;

import java.util.List;
import java.util.Map;
import org.pinpointcds.terminology.TerminologySource;

/**
 * What {@code /actuator/pinpoint} shows: the thresholds and look-backs in force with where each comes from,
 * and every value set and concept map loaded with its files and versions.
 *
 * @param siteTerminology the site terminology folder ({@code pinpoint.terminology.extra-path}), or null
 * @param siteThresholds the site thresholds file ({@code pinpoint.triage.extra-path}), or null
 */
public record ActiveConfiguration(
    String service,
    List<ActiveSetting> thresholds,
    Map<String, List<TerminologySource>> valueSets,
    Map<String, TerminologySource> conceptMaps,
    String siteTerminology,
    String siteThresholds,
    boolean diagnosticsEnabled) {}
