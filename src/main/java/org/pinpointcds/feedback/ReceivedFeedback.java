package org.pinpointcds.feedback;

import java.time.Instant;

/**
 * A feedback item as stored: the item, the service it was sent to, the calling client, when it arrived, and
 * the topic of the card it answers (null when that card was not known as issued when the item arrived).
 */
record ReceivedFeedback(String serviceId, FeedbackItem item, String topic, String client, Instant receivedAt) {}
