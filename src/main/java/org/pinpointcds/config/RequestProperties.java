package org.pinpointcds.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pinpoint.requests.*}: bounds of what a caller may send (README, "Limits").
 *
 * @param maxBodySize the largest body read, declared or streamed (default 8 MB, seven long stays; larger: 413)
 * @param bodyTimeout the time a whole body has to arrive from its first byte on (default 10 s; slower: 408)
 * @param maxFeedbackItems items one feedback call may carry (default 1000; more: 413)
 */
public record RequestProperties(
    @DefaultValue("8MB") DataSize maxBodySize,
    @DefaultValue("PT10S") Duration bodyTimeout,
    @DefaultValue("1000") int maxFeedbackItems) {}
