package org.pinpointcds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pinpointcds.ordercheck.OrderAssessment;
import org.pinpointcds.ordercheck.OrderCheckOutcome;
import org.pinpointcds.ordercheck.OrderConcern;
import org.pinpointcds.ordercheck.OrderReason;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Formats;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.Reason;
import org.pinpointcds.triage.ReasonKind;

/**
 * Turns an order check into CDS Hooks cards: one card per draft order that triggers, in the order of the draft orders
 * (the rows judge the patient, so every card of a call has the same outcome; contract 6).
 * Formats only; the suggested orders are written as the triage's ({@link CardRenderer}).
 */
public final class OrderCheckCardRenderer {

  private final OrderCheckCardSettings settings;
  private final Map<OrderKind, OrderCode> orders;

  /** @param orders how the suggested CBC and INR are coded: the triage's */
  public OrderCheckCardRenderer(OrderCheckCardSettings settings, Map<OrderKind, OrderCode> orders) {
    this.settings = settings;
    this.orders = Map.copyOf(orders);
  }

  public List<Card> render(OrderAssessment assessment) {
    return assessment.concerns().stream()
        .map(concern -> card(assessment, concern))
        .toList();
  }

  private Card card(OrderAssessment assessment, OrderConcern concern) {
    OrderCheckOutcome outcome = concern.outcome();
    OrderReason lead = concern.reasons().get(0);
    String summary = summary(assessment, concern);
    List<Suggestion> suggestions = new ArrayList<>();
    concern.orders().forEach(order ->
        suggestions.add(CardRenderer.suggestion(orders.get(order.kind()), order, assessment.patientId(), summary)));
    if (concern.suggestsRemoval()) {
      suggestions.add(removal(concern));
    }
    return Card.issued(assessment.assessedAt(), summary, detail(assessment, concern), indicator(outcome),
        Source.of(settings.sourceLabel(), lead.guidance(), settings.topics().get(outcome)), suggestions,
        settings.overrideReasons().getOrDefault(outcome, List.of()));
  }

  static Indicator indicator(OrderCheckOutcome outcome) {
    return switch (outcome) {
      case HIGH_RISK_ORDER -> Indicator.CRITICAL;
      case AVOID_FULL_DOSE, CHECK_PLATELETS_FIRST -> Indicator.WARNING;
      case LOW_PLATELETS_NOTED -> Indicator.INFO;
    };
  }

  /** Removing the draft order: the EHR deletes it from the order session (contract 6). */
  private static Suggestion removal(OrderConcern concern) {
    String name = concern.order().name();
    return new Suggestion("Remove the draft order: " + name, UUID.randomUUID().toString(),
        concern.outcome() == OrderCheckOutcome.HIGH_RISK_ORDER,
        List.of(Action.delete("Remove the draft order for " + name, concern.order().reference())));
  }

  private static String summary(OrderAssessment assessment, OrderConcern concern) {
    String drug = concern.order().name();
    String count = assessment.latestCount().map(OrderCheckCardRenderer::count).orElse("");
    String text = switch (concern.outcome()) {
      case HIGH_RISK_ORDER -> "High-risk order: " + drug + (assessment.critical()
          ? " with a platelet count of " + count
          : " with " + assessment.redFinding().orElse("a rash") + " and " + redFlags(assessment));
      case AVOID_FULL_DOSE -> "Avoid full-dose " + drug + ": platelet count " + count
          + "; reconsider the drug or the dose";
      case CHECK_PLATELETS_FIRST -> "Check platelets before starting " + drug + ": "
          + assessment.redFinding().orElse("new spots") + " and no recent platelet count that can be read";
      case LOW_PLATELETS_NOTED -> "Low platelets noted with " + drug + ": platelet count " + count + "; monitor";
    };
    return CardRenderer.shorten(text);
  }

  /** "fever and bleeding or mucosal spots": the red flags by their short names. */
  private static String redFlags(OrderAssessment assessment) {
    return CardRenderer.joinAnd(assessment.redFlags().stream()
        .map(Reason::kind).distinct().map(ReasonKind::phrase).toList());
  }

  private static String count(PlateletCount count) {
    return count.bound().symbol() + Formats.number(count.perNanolitre()) + " x10^9/L";
  }

  private static String detail(OrderAssessment assessment, OrderConcern concern) {
    StringBuilder md = new StringBuilder(2_048).append("**Why**\n\n");
    concern.reasons().stream().filter(r -> r.outcome() == concern.outcome())
        .forEach(r -> CardRenderer.reason(md, r.statement(), r.guidance(), r.evidence()));
    List<OrderReason> others = concern.reasons().stream().filter(r -> r.outcome() != concern.outcome()).toList();
    if (!others.isEmpty()) {
      md.append("\n**Also holds** (less urgent)\n\n");
      others.forEach(r -> CardRenderer.reason(md, r.statement(), r.guidance(), r.evidence()));
    }
    md.append("\n**Draft order checked**: ").append(concern.order().name()).append(" (")
        .append(concern.order().classes().stream().map(DrugClass::label).sorted().collect(Collectors.joining(", ")))
        .append("; ").append(concern.order().reference()).append(")\n");
    CardRenderer.recentCbc(md, concern.recentCbc(), concern.cbcAlreadyOrdered(), "before signing");
    CardRenderer.unread(md, assessment.unread(), "check");
    return md.append('\n').append(CardRenderer.DISCLAIMER).toString();
  }
}
