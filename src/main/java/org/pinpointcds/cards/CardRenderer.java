package org.pinpointcds.cards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.pinpointcds.terminology.Terminology;
import java.util.Optional;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.Concern;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Guidance;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.Reason;
import org.pinpointcds.triage.ReasonKind;
import org.pinpointcds.triage.SuggestedOrder;

/** Turns an assessment into CDS Hooks cards: one card per concern, most urgent first. Formats only. */
public final class CardRenderer {

  /** The profile every suggested ServiceRequest conforms to (fhir-profiles/). */
  static final String SUGGESTED_ORDER_PROFILE = Terminology.CANONICAL + "/StructureDefinition/pinpoint-suggested-order";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String DISCLAIMER =
      "_Pinpoint supports clinical judgement and does not replace it: examine the patient and decide._";
  /** How many unread resources a card lists before "and N more". */
  private static final int UNREAD_LISTED = 5;

  private final CardSettings settings;

  public CardRenderer(CardSettings settings) {
    this.settings = settings;
  }

  public List<Card> render(Assessment assessment) {
    return assessment.concerns().stream().map(concern -> card(assessment, concern)).toList();
  }

  private Card card(Assessment assessment, Concern concern) {
    Outcome outcome = concern.outcome();
    Reason lead = concern.reasons().get(0);
    List<Suggestion> suggestions =
        concern.orders().stream().map(order -> suggestion(assessment, concern, order)).toList();
    return Card.issued(assessment.assessedAt(), summary(assessment, concern), detail(assessment, concern),
        indicator(outcome), Source.of(settings.sourceLabel(), lead.guidance(), settings.topics().get(outcome)),
        suggestions, settings.overrideReasons().getOrDefault(outcome, List.of()));
  }

  static Indicator indicator(Outcome outcome) {
    return switch (outcome) {
      case EMERGENCY_EVALUATION -> Indicator.CRITICAL;
      case SAME_DAY_CBC, URGENT_DERMATOLOGY_REFERRAL, CHECK_BLANCHING -> Indicator.WARNING;
      case WATCHFUL_WAITING, ROUTINE_DERMATOLOGY_REFERRAL -> Indicator.INFO;
    };
  }

  private static String summary(Assessment assessment, Concern concern) {
    String why = joinAnd(concern.reasons().stream()
        .filter(r -> r.outcome() == concern.outcome())
        .map(r -> r.kind() == ReasonKind.ANTITHROMBOTIC ? antithrombotics(assessment) : r.kind().phrase())
        .toList());
    String text = switch (concern.outcome()) {
      case EMERGENCY_EVALUATION -> "Emergency evaluation now: non-blanching rash with " + why;
      case SAME_DAY_CBC -> (concern.cbcAlreadyOrdered() ? "Same-day review (CBC already ordered)" : "Same-day CBC")
          + (assessment.child() ? " for a child" : "") + ": non-blanching rash with " + why;
      case CHECK_BLANCHING -> "Check blanching: red spots with no glass test recorded; if they do not fade, a same-day"
          + " CBC unless the cause is clear";
      case WATCHFUL_WAITING -> "Watchful waiting: localised petechiae with a mechanical cause; review if they spread"
          + " or new symptoms appear";
      case URGENT_DERMATOLOGY_REFERRAL -> "Urgent dermatology referral: skin lesion with features of concern for skin"
          + " cancer";
      case ROUTINE_DERMATOLOGY_REFERRAL -> "Blanching lesion, likely benign: routine dermatology referral if it bleeds"
          + " or for cosmetic concern";
    };
    return shorten(text);
  }

  /** "warfarin" or "warfarin and aspirin": the antithrombotics behind the reason, by name. */
  private static String antithrombotics(Assessment assessment) {
    return joinAnd(assessment.contributingMedicines().stream()
        .filter(m -> m.drugClass().isAntithrombotic())
        .map(m -> m.name())
        .distinct()
        .toList());
  }

  private static String detail(Assessment assessment, Concern concern) {
    StringBuilder md = new StringBuilder(2_048).append("**Why**\n\n"); // a card's usual detail without growing
    concern.reasons().stream().filter(r -> r.outcome() == concern.outcome()).forEach(r -> reason(md, r));
    List<Reason> lesser = concern.reasons().stream().filter(r -> r.outcome() != concern.outcome()).toList();
    if (!lesser.isEmpty()) {
      md.append("\n**Also noted** (would not on its own call for this card)\n\n");
      lesser.forEach(r -> reason(md, r));
    }
    if (!assessment.contributingMedicines().isEmpty()) {
      md.append("\n**Medicines that may contribute**\n\n");
      assessment.contributingMedicines().forEach(m -> md.append("- ").append(EvidenceText.medicine(m)).append('\n'));
    }
    recentCbc(md, concern.recentCbc(), concern.cbcAlreadyOrdered(), "today");
    if (concern.outcome() == Outcome.CHECK_BLANCHING) {
      md.append("\n**Do the glass test**: press a clear glass firmly on the spots. If they fade (blanch), they are"
          + " unlikely to be petechiae. If they do not fade and there is no clear mechanical cause (coughing,"
          + " vomiting, pressure), order a same-day CBC; with fever, confusion, neck stiffness or bleeding, evaluate"
          + " as an emergency. Record the result so that the triage can use it.\n");
    }
    if (concern.outcome() == Outcome.WATCHFUL_WAITING) {
      md.append("\n**Safety net**: spots should fade within days. Same-day review if they spread, if fever,"
          + " bleeding or confusion appear, or if the patient feels unwell.\n");
    }
    unread(md, assessment.unread(), "triage");
    assessment.ageYears().ifPresent(age -> md.append("\n**Patient**: aged ").append(age)
        .append(assessment.child() ? " (child: the same rules apply, " + EvidenceText.CHILD_MINIMUM + ")" : "").append(".\n"));
    return md.append('\n').append(DISCLAIMER).toString();
  }

  /**
   * The CBC already ordered that a card names: it stands in for the CBC suggestion ({@code alreadyOrdered}), or it is
   * not stat or asap and a stat CBC is still suggested.
   *
   * @param when by when its result is to be reviewed
   */
  static void recentCbc(StringBuilder md, Optional<CbcOrder> recent, boolean alreadyOrdered, String when) {
    recent.ifPresent(cbc -> md.append(alreadyOrdered
            ? "\n**A CBC is already ordered**: " : "\n**A CBC order exists, but not stat or asap**: ")
        .append(cbc.name()).append(" (").append(cbc.reference()).append(", ")
        .append(cbc.priority().map(p -> p.code() + ", ").orElse(""))
        .append(cbc.authoredOn().period().orElse(cbc.authoredOn().first().toString()))
        .append(alreadyOrdered ? "); no new CBC is suggested. Review its result " + when + ".\n"
            : "); a stat CBC is still suggested.\n"));
  }

  /** What could change the triage and could not be read (contract 5): never left out silently. */
  static void unread(StringBuilder md, List<DataGap> unread, String answer) {
    if (unread.isEmpty()) {
      return;
    }
    md.append("\n**Not read** (could change this ").append(answer).append("; check them in the chart)\n\n");
    unread.stream().limit(UNREAD_LISTED).forEach(gap -> md.append("- ").append(gap.reference()).append(" (")
        .append(gap.key()).append("): ").append(gap.detail()).append('\n'));
    if (unread.size() > UNREAD_LISTED) {
      md.append("- and ").append(unread.size() - UNREAD_LISTED).append(" more\n");
    }
  }

  private static void reason(StringBuilder md, Reason reason) {
    reason(md, reason.statement(), reason.guidance(), reason.evidence());
  }

  /** A reason as every card lists it: the statement with its guidance, then the data behind it. */
  static void reason(StringBuilder md, String statement, Guidance guidance, List<Evidence> evidence) {
    md.append("- **").append(statement).append("** ([")
        .append(guidance.label()).append("](").append(guidance.url()).append("))\n");
    evidence.forEach(e -> md.append("  - ").append(EvidenceText.of(e)).append('\n'));
  }

  private Suggestion suggestion(Assessment assessment, Concern concern, SuggestedOrder order) {
    return suggestion(settings.orders().get(order.kind()), order, assessment.patientId(), summary(assessment, concern));
  }

  /** A suggestion to create {@code order} for the patient, the card's summary as its reason. */
  static Suggestion suggestion(OrderCode code, SuggestedOrder order, String patientId, String reason) {
    String priority = order.priority().code();
    String label = switch (order.kind()) {
      case CBC, INR -> "Order " + code.text() + " (" + priority + ")";
      case DERMATOLOGY_REFERRAL -> "Refer to dermatology (" + priority + ")";
    };
    ObjectNode resource = serviceRequest(code, order, patientId, reason);
    return new Suggestion(label, UUID.randomUUID().toString(), true,
        List.of(Action.create("Create a draft " + priority + " order: " + code.text(), resource)));
  }

  /**
   * The draft order (profile pinpoint-suggested-order) as FHIR JSON, its elements in the order HAPI's parser
   * writes them ({@code CardRendererTests} holds the two equal): written directly, as building and encoding a
   * HAPI model costs more than the rest of the card.
   */
  private static ObjectNode serviceRequest(OrderCode code, SuggestedOrder order, String patientId, String reason) {
    ObjectNode request = JSON.objectNode().put("resourceType", "ServiceRequest");
    request.putObject("meta").putArray("profile").add(SUGGESTED_ORDER_PROFILE);
    request.put("status", "draft").put("intent", "order").put("priority", order.priority().code());
    ObjectNode concept = request.putObject("code");
    if (code.isCoded()) {
      ObjectNode coding = concept.putArray("coding").addObject().put("system", code.system()).put("code", code.code());
      if (code.display() != null) {
        coding.put("display", code.display());
      }
    }
    concept.put("text", code.text());
    request.putObject("subject").put("reference", "Patient/" + patientId);
    if (order.kind() == OrderKind.DERMATOLOGY_REFERRAL) {
      request.putObject("performerType").put("text", "Dermatology");
    }
    request.putArray("reasonCode").addObject().put("text", reason);
    return request;
  }

  static String joinAnd(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** Keeps a summary under the specification's limit, cutting at a word. */
  static String shorten(String text) {
    if (text.length() <= Card.SUMMARY_LIMIT) {
      return text;
    }
    String cut = text.substring(0, Card.SUMMARY_LIMIT - 1);
    return cut.substring(0, cut.lastIndexOf(' ')) + "…";
  }
}
