package org.pinpointcds.security;

import jakarta.servlet.ServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a call's JWT was refused, in few enough kinds to count; the log line says more. Authentication leaves it on
 * a refused request, where operations code reads it.
 */
public enum RejectionReason {
  /** No token where one is required. */
  MISSING,
  /** Not a Bearer token, not a JWT, or not a signed one. */
  MALFORMED,
  /** An algorithm that is not allowed ({@code none}, HMAC, ...). */
  ALGORITHM,
  /** No {@code kid}, or {@code typ} is not JWT. */
  HEADER,
  /** {@code iss} is not a trusted client. */
  UNTRUSTED_ISSUER,
  /** {@code aud} does not name the endpoint called. */
  AUDIENCE,
  /** A required claim is missing or malformed ({@code exp}, {@code iat}, {@code jti}). */
  CLAIMS,
  /** {@code exp} has passed. */
  EXPIRED,
  /** {@code iat} or {@code nbf} is in the future. */
  NOT_YET_VALID,
  /** {@code exp - iat} is longer than allowed. */
  LIFETIME,
  /** A {@code tenant} the client may not use. */
  TENANT,
  /** A {@code jku} off the client's allowlist, or nowhere to look for keys. */
  KEY_LOCATION,
  /** No usable key with the token's {@code kid}. */
  UNKNOWN_KEY,
  /** The signature does not verify. */
  SIGNATURE,
  /** The {@code jti} was used before (on any instance that shares the replay store). */
  REPLAY;

  private static final String ATTRIBUTE = RejectionReason.class.getName();

  /** The reason as a metric tag: {@code replay}, {@code untrusted-issuer}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Why the JWT of {@code request} was refused; empty when it was not. */
  public static Optional<RejectionReason> of(ServletRequest request) {
    return Optional.ofNullable((RejectionReason) request.getAttribute(ATTRIBUTE));
  }

  void attachTo(ServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }
}
