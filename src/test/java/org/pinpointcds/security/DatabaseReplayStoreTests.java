package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinpointcds.testing.TestClock;
import org.pinpointcds.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jti store that instances share, on H2 and on PostgreSQL. */
class DatabaseReplayStoreTests {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(6));

  private final TestClock clock = new TestClock(NOW);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void acceptsAJtiOnceUntilItsTokenExpires(TestDatabase database) {
    DatabaseReplayStore store = new DatabaseReplayStore(JdbcClient.create(database.empty()), clock);

    assertThat(store.firstUse("https://ehr.example", "jti-1", EXPIRES)).isTrue();
    assertThat(store.firstUse("https://ehr.example", "jti-1", EXPIRES)).isFalse();
    assertThat(store.firstUse("https://other-ehr.example", "jti-1", EXPIRES)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void refusesATokenReplayedToAnotherInstance(TestDatabase database) {
    JdbcClient shared = JdbcClient.create(database.empty());
    DatabaseReplayStore first = new DatabaseReplayStore(shared, clock);
    DatabaseReplayStore second = new DatabaseReplayStore(shared, clock);

    assertThat(first.firstUse("https://ehr.example", "jti-2", EXPIRES)).isTrue();
    assertThat(second.firstUse("https://ehr.example", "jti-2", EXPIRES)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void forgetsAJtiOnceItsTokenHasExpired(TestDatabase database) {
    DatabaseReplayStore store = new DatabaseReplayStore(JdbcClient.create(database.empty()), clock);
    store.firstUse("https://ehr.example", "jti-3", EXPIRES);
    clock.advance(Duration.ofMinutes(7));

    assertThat(store.firstUse("https://ehr.example", "jti-3", clock.instant().plusSeconds(300))).isTrue();
  }
}
