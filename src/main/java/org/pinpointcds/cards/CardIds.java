package org.pinpointcds.cards;

import java.nio.ByteBuffer;
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
    // One draw for all the random bits: each draw from the platform's generator takes its lock.
    ByteBuffer random = ByteBuffer.wrap(new byte[16]);
    RANDOM.nextBytes(random.array());
    long high = (time.toEpochMilli() << 16) | 0x7000L | (random.getShort(0) & 0x0FFFL);
    long low = (random.getLong(8) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
