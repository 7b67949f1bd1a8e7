package org.pinpointcds.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The replay store of a single instance. Expired entries are swept at most once a minute. */
final class InMemoryReplayStore implements ReplayStore {

  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  private record TokenId(String issuer, String jti) {}

  private final Clock clock;
  private final Map<TokenId, Instant> expiryByToken = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  InMemoryReplayStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean firstUse(String issuer, String jti, Instant expiresAt) {
    Instant now = clock.instant();
    sweep(now);
    AtomicBoolean first = new AtomicBoolean();
    expiryByToken.compute(new TokenId(issuer, jti), (id, seenUntil) -> {
      if (seenUntil != null && seenUntil.isAfter(now)) {
        return seenUntil;
      }
      first.set(true);
      return expiresAt;
    });
    return first.get();
  }

  private void sweep(Instant now) {
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plus(SWEEP_INTERVAL);
      expiryByToken.values().removeIf(expiry -> !expiry.isAfter(now));
    }
  }
}
