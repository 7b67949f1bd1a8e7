package org.pinpointcds.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.pinpointcds.storage.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replay store that every instance shares: table {@code jwt_replay}, whose primary key (issuer, jti) makes
 * the first insert win even when two instances see the same token at once. An expired row is replaced; all
 * expired rows are deleted at most once a minute per instance.
 */
final class DatabaseReplayStore implements ReplayStore {

  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Instant nextSweep = Instant.MIN;

  DatabaseReplayStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean firstUse(String issuer, String jti, Instant expiresAt) {
    OffsetDateTime now = Timestamps.utc(clock.instant());
    sweep(now);
    if (insert(issuer, jti, expiresAt)) {
      return true;
    }
    int expired = jdbc.sql("delete from jwt_replay where issuer = ? and jti = ? and expires_at <= ?")
        .params(issuer, jti, now).update();
    return expired > 0 && insert(issuer, jti, expiresAt);
  }

  private boolean insert(String issuer, String jti, Instant expiresAt) {
    try {
      jdbc.sql("insert into jwt_replay (issuer, jti, expires_at) values (?, ?, ?)")
          .params(issuer, jti, Timestamps.utc(expiresAt)).update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  private void sweep(OffsetDateTime now) {
    if (now.toInstant().isAfter(nextSweep)) {
      nextSweep = now.toInstant().plus(SWEEP_INTERVAL);
      jdbc.sql("delete from jwt_replay where expires_at <= ?").param(now).update();
    }
  }
}
