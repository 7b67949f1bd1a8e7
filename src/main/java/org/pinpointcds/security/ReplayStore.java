package org.pinpointcds.security;

import java.time.Instant;

/** Remembers each token's {@code jti} until the token expires, so that a replayed token is refused. */
interface ReplayStore {

  /** True the first time {@code jti} of {@code issuer} is seen; false while an earlier use has not expired. */
  boolean firstUse(String issuer, String jti, Instant expiresAt);
}
