package org.pinpointcds.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pinpoint.metrics.*}.
 *
 * @param feedbackRefresh how often the feedback gauges are recomputed from the database
 */
public record MetricsProperties(@DefaultValue("PT1M") Duration feedbackRefresh) {}
