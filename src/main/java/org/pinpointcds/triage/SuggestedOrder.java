package org.pinpointcds.triage;

/** An order a card offers to create. */
public record SuggestedOrder(OrderKind kind, OrderPriority priority) {}
