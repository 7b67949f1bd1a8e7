package org.pinpointcds.feedback;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.pinpointcds.feedback.FeedbackReport.ReasonCount;
import org.pinpointcds.feedback.FeedbackReport.TopicFeedback;
import org.pinpointcds.feedback.FeedbackRepository.Count;

/** Builds the feedback report from the stored counts. */
public final class FeedbackReporter {

  private final FeedbackRepository repository;
  private final Clock clock;

  FeedbackReporter(FeedbackRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public FeedbackReport report() {
    List<Count> issued = repository.cardsIssuedByTopic();
    List<Count> outcomes = repository.cardsByTopicAndOutcome();
    List<Count> reasons = repository.overrideReasonsByTopic();
    TreeSet<String> topics = new TreeSet<>();
    Stream.of(issued, outcomes).flatMap(List::stream).map(Count::topic).forEach(topics::add);
    return new FeedbackReport(clock.instant(), topics.stream().map(topic -> {
      long cards = total(issued, topic, what -> true);
      long accepted = total(outcomes, topic, "accepted"::equals);
      long overridden = total(outcomes, topic, "overridden"::equals);
      return new TopicFeedback(topic, cards, accepted, overridden, rate(accepted, cards), rate(overridden, cards),
          reasons.stream().filter(count -> count.topic().equals(topic))
              .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::what))
              .map(count -> new ReasonCount(count.what(), count.count()))
              .toList());
    }).toList());
  }

  private static long total(List<Count> counts, String topic, Predicate<String> what) {
    return counts.stream().filter(c -> c.topic().equals(topic) && what.test(c.what())).mapToLong(Count::count).sum();
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
