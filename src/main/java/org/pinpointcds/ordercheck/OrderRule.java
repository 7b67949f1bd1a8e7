package org.pinpointcds.ordercheck;

import org.pinpointcds.triage.Evidence;
import java.util.List;

/** One row of the order-check table (contract 6). It holds when it finds evidence. */
interface OrderRule {

  OrderCheckOutcome outcome();

  /** What the row says when it holds, with the threshold it applied. */
  String statement(OrderCheckContext context);

  /** The data that makes the row hold; empty when it does not. */
  List<Evidence> evidence(OrderCheckContext context);
}
