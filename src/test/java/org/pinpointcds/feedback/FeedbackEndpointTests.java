package org.pinpointcds.feedback;

import org.pinpointcds.endpoints.EndpointPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.SecuredApplicationTest;
import org.pinpointcds.testing.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feedback through the running application: stored with its card's topic and the client, once, and reported. */
class FeedbackEndpointTests extends SecuredApplicationTest {

  private static final Instant CLICKED = Instant.parse("2026-11-20T10:00:00Z");

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private ObjectMapper mapper;

  /** The first card of a same-day CBC answer. */
  private JsonNode issueCard() throws Exception {
    String answer = mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(SERVICE))
            .content(HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p1", Instant.now())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return mapper.readTree(answer).path("cards").get(0);
  }

  private void sendFeedback(String body) throws Exception {
    mvc.perform(post(FEEDBACK).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(FEEDBACK)).content(body))
        .andExpect(status().isOk());
  }

  private FeedbackReport report() throws Exception {
    String json = mvc.perform(get(EndpointPaths.FEEDBACK_REPORT).header("Authorization", bearer(EndpointPaths.FEEDBACK_REPORT)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return mapper.readValue(json, FeedbackReport.class);
  }

  private static FeedbackReport.TopicFeedback topic(FeedbackReport report, String topic) {
    return report.topics().stream().filter(t -> t.topic().equals(topic)).findFirst()
        .orElse(new FeedbackReport.TopicFeedback(topic, 0, 0, 0, null, null, java.util.List.of()));
  }

  @Test
  void storesAcceptedFeedbackWithTheTopicOfItsCardAndTheCallingClient() throws Exception {
    JsonNode card = issueCard();

    sendFeedback(HookRequests.accepted(card.get("uuid").asText(), card.at("/suggestions/0/uuid").asText(), CLICKED));

    Map<String, Object> row = jdbc.queryForMap("select * from card_feedback where card_uuid = ?", card.get("uuid").asText());
    assertThat(row).containsEntry("topic", "same-day-cbc").containsEntry("client", TestClient.ISSUER)
        .containsEntry("outcome", "accepted").containsEntry("service_id", "petechiae-triage");
    assertThat((String) row.get("accepted_suggestions")).contains(card.at("/suggestions/0/uuid").asText());
  }

  @Test
  void storesFeedbackDeliveredTwiceOnce() throws Exception {
    JsonNode card = issueCard();
    String feedback = HookRequests.overridden(card.get("uuid").asText(), "already-assessed", CLICKED);

    sendFeedback(feedback);
    sendFeedback(feedback);

    assertThat(jdbc.queryForObject("select count(*) from card_feedback where card_uuid = ?", Long.class,
        card.get("uuid").asText())).isEqualTo(1);
  }

  @Test
  void acceptsFeedbackOnACardNeverIssuedWithoutATopic() throws Exception {
    String card = UUID.randomUUID().toString();

    sendFeedback(HookRequests.overridden(card, "already-assessed", CLICKED));

    assertThat(jdbc.queryForObject("select topic from card_feedback where card_uuid = ?", String.class, card)).isNull();
  }

  @Test
  void reportsTheAcceptancesAndOverridesOfEachTopicAndTheReasonsChosen() throws Exception {
    FeedbackReport.TopicFeedback before = topic(report(), "same-day-cbc");
    JsonNode accepted = issueCard();
    JsonNode overridden = issueCard();

    sendFeedback(HookRequests.accepted(accepted.get("uuid").asText(), accepted.at("/suggestions/0/uuid").asText(), CLICKED));
    sendFeedback(HookRequests.overridden(overridden.get("uuid").asText(), "recent-normal-cbc", CLICKED));

    FeedbackReport.TopicFeedback after = topic(report(), "same-day-cbc");
    assertThat(after.cardsIssued() - before.cardsIssued()).isEqualTo(2);
    assertThat(after.cardsAccepted() - before.cardsAccepted()).isEqualTo(1);
    assertThat(after.cardsOverridden() - before.cardsOverridden()).isEqualTo(1);
    assertThat(after.acceptanceRate()).isEqualTo(Math.round(1000.0 * after.cardsAccepted() / after.cardsIssued()) / 1000.0);
    assertThat(after.overrideReasons()).extracting(FeedbackReport.ReasonCount::code).contains("recent-normal-cbc");
  }

  @Test
  void refusesAnOverlongCardIdWith400() throws Exception {
    mvc.perform(post(FEEDBACK).contentType(MediaType.APPLICATION_JSON).header("Authorization", bearer(FEEDBACK))
            .content(HookRequests.accepted("x".repeat(200), "s", CLICKED)))
        .andExpect(status().isBadRequest());
  }
}
