package org.pinpointcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinpointcds.feedback.FeedbackReport.ReasonCount;
import org.pinpointcds.feedback.FeedbackReport.TopicFeedback;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.testing.TestClock;
import org.pinpointcds.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issued cards, feedback and the report on H2 and on PostgreSQL: the same tests against each. */
class FeedbackRepositoryTests {

  private static final String SERVICE = "petechiae-triage";
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final OffsetDateTime CLICKED = OffsetDateTime.parse("2026-11-20T09:59:30+01:00");

  private final TestClock clock = new TestClock(NOW);

  private record Store(JdbcTemplate jdbc, IssuedCardRepository cards, FeedbackRepository feedback, CardLedger ledger) {

    void receive(FeedbackItem... items) {
      ledger.received(SERVICE, "anonymous", List.of(items));
    }

    /** The value of {@code column} in the only feedback row. */
    String stored(String column) {
      return jdbc.queryForObject("select " + column + " from card_feedback", String.class);
    }
  }

  /** The ledger's queue is written only when flushed, so that a test sees what is still queued. */
  private Store store(TestDatabase database) {
    JdbcTemplate jdbc = database.empty();
    IssuedCardRepository cards = new IssuedCardRepository(jdbc);
    FeedbackRepository feedback = new FeedbackRepository(JdbcClient.create(jdbc), new ObjectMapper());
    BatchWriter<IssuedCard> queue = new BatchWriter<>("test-cards", 100, 10, Duration.ofHours(1), cards::insertAll);
    return new Store(jdbc, cards, feedback, new CardLedger(queue, cards, feedback, clock));
  }

  private static IssuedCard card(String uuid, String topic) {
    return new IssuedCard(uuid, SERVICE, "hook-1", topic, "warning", NOW);
  }

  private static FeedbackItem accepted(String card) {
    return new FeedbackItem(card, "accepted", List.of("suggestion-1"), null, null, null, CLICKED);
  }

  private static FeedbackItem overridden(String card, String reasonCode) {
    return new FeedbackItem(card, "overridden", List.of(), reasonCode == null ? null : "https://pinpoint-cds.org/fhir/CodeSystem/override-reason",
        reasonCode, "seen this morning", CLICKED);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void storesEveryFieldOfAFeedbackItemWithTheTopicOfItsCardAndTheClient(TestDatabase database) {
    Store store = store(database);
    store.cards().insertAll(List.of(card("card-1", "same-day-cbc")));

    store.ledger().received(SERVICE, "https://ehr.example", List.of(
        new FeedbackItem("card-1", "overridden", List.of(), "https://pinpoint-cds.org/fhir/CodeSystem/override-reason",
            "already-assessed", "seen this morning", CLICKED)));

    Map<String, Object> row = store.jdbc().queryForMap("select * from card_feedback");
    assertThat(row).containsEntry("SERVICE_ID", SERVICE).containsEntry("CARD_UUID", "card-1")
        .containsEntry("OUTCOME", "overridden").containsEntry("OVERRIDE_REASON_CODE", "already-assessed")
        .containsEntry("OVERRIDE_COMMENT", "seen this morning").containsEntry("TOPIC", "same-day-cbc")
        .containsEntry("CLIENT", "https://ehr.example");
    assertThat(store.jdbc().queryForObject("select outcome_timestamp from card_feedback", OffsetDateTime.class)
        .toInstant()).isEqualTo(CLICKED.toInstant());
    assertThat(store.jdbc().queryForObject("select received_at from card_feedback", OffsetDateTime.class).toInstant())
        .isEqualTo(NOW);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void storesTheAcceptedSuggestionIds(TestDatabase database) {
    Store store = store(database);

    store.receive(new FeedbackItem("card-1", "accepted", List.of("cbc", "inr"), null, null, null, CLICKED));

    assertThat(store.stored("accepted_suggestions")).isEqualTo("[\"cbc\",\"inr\"]");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void storesAnItemDeliveredTwiceOnlyOnce(TestDatabase database) {
    Store store = store(database);

    store.receive(accepted("card-1"));
    store.receive(accepted("card-1"), overridden("card-1", "already-assessed"));

    assertThat(store.jdbc().queryForObject("select count(*) from card_feedback", Long.class)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void findsTheTopicOfACardStillQueuedWhenItsFeedbackArrives(TestDatabase database) {
    Store store = store(database);
    store.ledger().issued(SERVICE, "hook-1", List.of(CardsForTests.card("card-9", "emergency-evaluation")));

    store.receive(accepted("card-9"));

    assertThat(store.stored("topic")).isEqualTo("emergency-evaluation");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void acceptsFeedbackOnACardNeverIssuedAndReportsItAsUnknown(TestDatabase database) {
    Store store = store(database);

    store.receive(overridden("forged-card", null));

    assertThat(store.stored("topic")).isNull();
    assertThat(new FeedbackReporter(store.feedback(), clock).report().topics()).containsExactly(
        new TopicFeedback("unknown-card", 0, 0, 1, null, null, List.of(new ReasonCount("unspecified", 1))));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void reportsTheTopicOfACardRecordedAfterItsFeedback(TestDatabase database) {
    Store store = store(database);
    store.receive(accepted("late-card"));

    store.cards().insertAll(List.of(card("late-card", "watchful-waiting")));

    assertThat(new FeedbackReporter(store.feedback(), clock).report().topics()).extracting(TopicFeedback::topic)
        .containsExactly("watchful-waiting");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void reportsAcceptanceAndOverrideRatesPerTopicAndTheReasonsChosen(TestDatabase database) {
    Store store = store(database);
    store.cards().insertAll(List.of(card("a", "same-day-cbc"), card("b", "same-day-cbc"), card("c", "same-day-cbc"),
        card("d", "same-day-cbc"), card("e", "emergency-evaluation")));
    store.receive(accepted("a"), overridden("b", "recent-normal-cbc"),
        overridden("c", "recent-normal-cbc"), overridden("d", "already-assessed"), accepted("e"));

    FeedbackReport report = new FeedbackReporter(store.feedback(), clock).report();

    assertThat(report.generatedAt()).isEqualTo(NOW);
    assertThat(report.topics()).containsExactly(
        new TopicFeedback("emergency-evaluation", 1, 1, 0, 1.0, 0.0, List.of()),
        new TopicFeedback("same-day-cbc", 4, 1, 3, 0.25, 0.75,
            List.of(new ReasonCount("recent-normal-cbc", 2), new ReasonCount("already-assessed", 1))));
  }
}
