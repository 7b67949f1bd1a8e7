package org.pinpointcds.cards;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Card uuids that sort by the time they were issued (RFC 9562 version 7: 48 bits of milliseconds, then 74 random
 * bits). The issued-card table is keyed by them, so each insert lands at the end of its index instead of in a
 * random page of it.
 */
final class CardIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CardIds() {
  }

  static String issuedAt(Instant time) {
    long random = RANDOM.nextLong();
    long high = (time.toEpochMilli() << 16) | 0x7000L | (random >>> 52);
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
