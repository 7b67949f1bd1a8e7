package org.pinpointcds.protocol;

import java.util.List;
import org.pinpointcds.cards.Card;

/** Answers the calls of one CDS service. */
public interface CdsServiceHandler {

  String serviceId();

  List<Card> handle(CdsRequest request);
}
