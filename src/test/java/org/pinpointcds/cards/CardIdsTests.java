package org.pinpointcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Card uuids are valid version 7 UUIDs, unique, and sort by the time they were issued. */
class CardIdsTests {

  private static final Instant ISSUED = Instant.parse("2026-11-27T10:15:30.123Z");

  @Test
  void isAVersion7UuidCarryingTheMillisecondOfIssue() {
    UUID id = UUID.fromString(CardIds.issuedAt(ISSUED));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ISSUED.toEpochMilli());
  }

  @Test
  void idsIssuedInTheSameMillisecondDiffer() {
    Set<String> ids = new HashSet<>();
    IntStream.range(0, 10_000).forEach(i -> ids.add(CardIds.issuedAt(ISSUED)));

    assertThat(ids).hasSize(10_000);
  }

  @Test
  void laterIdsSortAfterEarlierOnesAsText() {
    List<String> ids = IntStream.range(0, 50)
        .mapToObj(i -> CardIds.issuedAt(ISSUED.plusMillis(i * 997L)))
        .toList();

    assertThat(ids).isSorted();
  }
}
