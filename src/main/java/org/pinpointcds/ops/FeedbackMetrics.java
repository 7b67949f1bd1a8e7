package org.pinpointcds.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.pinpointcds.feedback.FeedbackReport;
import org.pinpointcds.feedback.FeedbackReport.TopicFeedback;
import org.pinpointcds.feedback.FeedbackReporter;
import org.pinpointcds.triage.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The feedback report as gauges, per card topic: cards issued, accepted and overridden, and the acceptance and
 * override rates (of the cards issued). The report is read from the database that every instance shares, so each
 * instance shows the same values for the whole service (a dashboard takes the max over instances, not the sum).
 *
 * <p>A scrape reads the report at most once per {@code refresh}: it counts over every card ever issued, which is
 * too much work to repeat on every scrape of every instance. While the database cannot be read, the last values
 * stand.
 */
final class FeedbackMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(FeedbackMetrics.class);

  private final FeedbackReporter reporter;
  private final Clock clock;
  private final Duration refresh;
  private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

  FeedbackMetrics(FeedbackReporter reporter, Clock clock, Duration refresh) {
    this.reporter = reporter;
    this.clock = clock;
    this.refresh = refresh;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    TreeSet<String> topics = Arrays.stream(Outcome.values()).map(Outcome::topicCode)
        .collect(Collectors.toCollection(TreeSet::new));
    topics.add(FeedbackReport.UNKNOWN_CARD);
    for (String topic : topics) {
      cards(registry, topic, "issued", TopicFeedback::cardsIssued);
      cards(registry, topic, "accepted", TopicFeedback::cardsAccepted);
      cards(registry, topic, "overridden", TopicFeedback::cardsOverridden);
      rate(registry, topic, "accepted", TopicFeedback::acceptanceRate);
      rate(registry, topic, "overridden", TopicFeedback::overrideRate);
    }
  }

  private void cards(MeterRegistry registry, String topic, String status, ToDoubleFunction<TopicFeedback> count) {
    Gauge.builder("pinpoint.feedback.cards", this,
            metrics -> metrics.topic(topic).map(count::applyAsDouble).orElse(0.0))
        .description("Cards of a topic issued, accepted and overridden, as the feedback report counts them")
        .tags("topic", topic, "status", status)
        .register(registry);
  }

  /** A rate is NaN (no sample) where no card of the topic was issued. */
  private void rate(MeterRegistry registry, String topic, String outcome,
      Function<TopicFeedback, Double> rate) {
    Gauge.builder("pinpoint.feedback.rate", this, metrics -> metrics.topic(topic).map(rate).orElse(Double.NaN))
        .description("Share of the cards of a topic that clinicians accepted or overrode, as the feedback report says")
        .tags("topic", topic, "outcome", outcome)
        .register(registry);
  }

  private Optional<TopicFeedback> topic(String topic) {
    return Optional.ofNullable(current().get(topic));
  }

  private Map<String, TopicFeedback> current() {
    Snapshot last = snapshot;
    Instant now = clock.instant();
    if (now.isBefore(last.readAt().plus(refresh))) {
      return last.topics();
    }
    synchronized (this) {
      if (snapshot == last) {
        snapshot = read(last, now);
      }
      return snapshot.topics();
    }
  }

  private Snapshot read(Snapshot last, Instant now) {
    try {
      return new Snapshot(now, reporter.report().topics().stream()
          .collect(Collectors.toUnmodifiableMap(TopicFeedback::topic, topic -> topic)));
    } catch (DataAccessException e) {
      log.warn("feedback metrics keep their last values: the feedback report cannot be read ({})", e.getMessage());
      return new Snapshot(now, last.topics());
    }
  }

  private record Snapshot(Instant readAt, Map<String, TopicFeedback> topics) {}
}
