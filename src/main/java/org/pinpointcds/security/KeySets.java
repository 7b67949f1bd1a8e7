package org.pinpointcds.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trusted clients' JWK Sets by location, fetched on first use and cached. A set older than the cache TTL,
 * or one that lacks the key asked for (a rotated {@code kid}), is fetched again, but never more often than the
 * refresh interval: a flood of tokens with made-up {@code kid}s cannot turn into a flood of fetches. A failed
 * fetch keeps the keys already known. A pinned set (a built-in client's, held in memory) is never fetched.
 */
final class KeySets {

  private static final Logger log = LoggerFactory.getLogger(KeySets.class);

  private final KeySetFetcher fetcher;
  private final Clock clock;
  private final Duration ttl;
  private final Duration refreshInterval;
  private final Map<URI, Cached> byLocation = new ConcurrentHashMap<>();
  private final Map<URI, JWKSet> pinned = new ConcurrentHashMap<>();

  KeySets(KeySetFetcher fetcher, Clock clock, Duration ttl, Duration refreshInterval) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.ttl = ttl;
    this.refreshInterval = refreshInterval;
  }

  /** Makes {@code keys} the set at {@code location}, for good: it is never fetched or refreshed. */
  void pin(URI location, JWKSet keys) {
    pinned.put(location, keys.toPublicJWKSet());
  }

  /** The keys at {@code location} that match; empty when none does, even after a refresh. */
  List<JWK> select(URI location, JWKMatcher matcher) {
    JWKSet pinnedKeys = pinned.get(location);
    if (pinnedKeys != null) {
      return new JWKSelector(matcher).select(pinnedKeys);
    }
    Cached cached = byLocation.computeIfAbsent(location, Cached::new);
    synchronized (cached) {
      Instant now = clock.instant();
      if (now.isAfter(cached.fetchedAt.plus(ttl))) {
        refresh(cached, now);
      }
      List<JWK> found = new JWKSelector(matcher).select(cached.keys);
      if (found.isEmpty() && refresh(cached, now)) {
        found = new JWKSelector(matcher).select(cached.keys);
      }
      return found;
    }
  }

  /** Fetches again unless the last attempt is too recent; true when new keys were read. */
  private boolean refresh(Cached cached, Instant now) {
    if (cached.attemptedAt != null && now.isBefore(cached.attemptedAt.plus(refreshInterval))) {
      return false;
    }
    cached.attemptedAt = now;
    try {
      cached.keys = fetcher.fetch(cached.location);
      cached.fetchedAt = now;
      log.info("JWK Set {} read: {} key(s)", cached.location, cached.keys.size());
      return true;
    } catch (IOException e) {
      log.warn("JWK Set {} cannot be read: {}", cached.location, e.getMessage());
      return false;
    }
  }

  private static final class Cached {
    private final URI location;
    private JWKSet keys = new JWKSet();
    private Instant fetchedAt = Instant.MIN;
    private Instant attemptedAt;

    private Cached(URI location) {
      this.location = location;
    }
  }
}
