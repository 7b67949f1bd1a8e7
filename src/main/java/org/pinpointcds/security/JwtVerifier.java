package org.pinpointcds.security;

import static org.pinpointcds.security.RejectionReason.ALGORITHM;
import static org.pinpointcds.security.RejectionReason.AUDIENCE;
import static org.pinpointcds.security.RejectionReason.CLAIMS;
import static org.pinpointcds.security.RejectionReason.EXPIRED;
import static org.pinpointcds.security.RejectionReason.HEADER;
import static org.pinpointcds.security.RejectionReason.KEY_LOCATION;
import static org.pinpointcds.security.RejectionReason.LIFETIME;
import static org.pinpointcds.security.RejectionReason.MALFORMED;
import static org.pinpointcds.security.RejectionReason.NOT_YET_VALID;
import static org.pinpointcds.security.RejectionReason.REPLAY;
import static org.pinpointcds.security.RejectionReason.SIGNATURE;
import static org.pinpointcds.security.RejectionReason.TENANT;
import static org.pinpointcds.security.RejectionReason.UNKNOWN_KEY;
import static org.pinpointcds.security.RejectionReason.UNTRUSTED_ISSUER;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pinpointcds.protocol.CallingClient;
import org.pinpointcds.security.JwtRejection.TokenFacts;
import org.pinpointcds.storage.StorableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a CDS client's JWT as CDS Hooks 2.0 requires (Trusting CDS Clients): an asymmetric {@code alg}
 * (never {@code none} or HMAC), {@code kid} and {@code typ} JWT; a trusted {@code iss}; {@code aud} naming the
 * endpoint called; {@code exp}, {@code iat} and {@code nbf} within the clock skew; a {@code jti} not seen before;
 * an accepted {@code tenant}; and a signature by a key of that client's JWK Set (see {@link TrustedClient} for
 * which set a {@code jku} names). Cheap checks come before the key look-up and the {@code jti} is spent last, so that
 * a token refused for another reason spends nothing.
 */
final class JwtVerifier {

  private static final Set<JWSAlgorithm> ALLOWED = Set.of(
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_JTI_LENGTH = 255;
  private static final int MAX_IGNORED_LOGGED = 100;
  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);

  private final Map<String, TrustedClient> clientsByIssuer;
  private final KeySets keySets;
  private final ReplayStore replays;
  private final Clock clock;
  private final Duration skew;
  private final Duration maxLifetime;
  private final DefaultJWSVerifierFactory signatures = new DefaultJWSVerifierFactory();
  private final Set<String> ignoredJkus = ConcurrentHashMap.newKeySet();

  JwtVerifier(List<TrustedClient> clients, KeySets keySets, ReplayStore replays, Clock clock, Duration skew,
      Duration maxLifetime) {
    this.clientsByIssuer = clients.stream().collect(Collectors.toMap(TrustedClient::issuer, Function.identity()));
    this.keySets = keySets;
    this.replays = replays;
    this.clock = clock;
    this.skew = skew;
    this.maxLifetime = maxLifetime;
  }

  /** The client that signed {@code token} for the endpoint whose URL is {@code audience}. */
  CallingClient verify(String token, String audience) throws JwtRejection {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      JWT parsed = JWTParser.parse(token);
      if (!(parsed instanceof SignedJWT signed)) {
        throw new JwtRejection(MALFORMED, "not a signed JWT (alg " + parsed.getHeader().getAlgorithm() + ")",
            TokenFacts.NONE);
      }
      jwt = signed;
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new JwtRejection(MALFORMED, "malformed token: " + e.getMessage(), TokenFacts.NONE);
    }
    Checks checks = new Checks(new TokenFacts(claims.getIssuer(), jwt.getHeader().getKeyID(), claims.getJWTID()));
    TrustedClient client = checkHeaderAndClaims(jwt.getHeader(), claims, audience, checks);
    checkSignature(jwt, keyLocation(jwt.getHeader(), client, checks), checks);
    checks.require(replays.firstUse(client.issuer(), claims.getJWTID(), claims.getExpirationTime().toInstant().plus(skew)),
        REPLAY, "jti already used (replay)");
    return new CallingClient(client.issuer());
  }

  private TrustedClient checkHeaderAndClaims(JWSHeader header, JWTClaimsSet claims, String audience, Checks checks)
      throws JwtRejection {
    checks.require(ALLOWED.contains(header.getAlgorithm()), ALGORITHM,
        "algorithm " + header.getAlgorithm() + " is not allowed");
    checks.require(hasText(header.getKeyID()), HEADER, "no kid in the header");
    checks.require(header.getType() != null && "JWT".equalsIgnoreCase(header.getType().getType()), HEADER,
        "typ is not JWT");
    TrustedClient client = clientsByIssuer.get(claims.getIssuer());
    checks.require(client != null, UNTRUSTED_ISSUER, "iss is not a trusted client");
    checks.require(claims.getAudience().contains(audience), AUDIENCE, "aud does not name " + audience);
    checks.require(claims.getExpirationTime() != null && claims.getIssueTime() != null, CLAIMS, "exp or iat missing");
    Instant now = clock.instant();
    Instant expires = claims.getExpirationTime().toInstant();
    Instant issued = claims.getIssueTime().toInstant();
    checks.require(now.isBefore(expires.plus(skew)), EXPIRED, "expired at " + expires);
    checks.require(!issued.isAfter(now.plus(skew)), NOT_YET_VALID, "iat " + issued + " is in the future");
    checks.require(claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().toInstant().isAfter(now.plus(skew)),
        NOT_YET_VALID, "not valid before " + claims.getNotBeforeTime());
    checks.require(!expires.isAfter(issued.plus(maxLifetime)), LIFETIME, "lives longer than " + maxLifetime);
    String jti = claims.getJWTID();
    // A control character would be refused by PostgreSQL's jti store (NUL) rather than recorded.
    checks.require(hasText(jti) && jti.length() <= MAX_JTI_LENGTH && StorableText.firstControlCharacter(jti).isEmpty(),
        CLAIMS, "jti missing, longer than " + MAX_JTI_LENGTH + " or holding a control character");
    Object tenant = claims.getClaim("tenant");
    checks.require(client.tenants().isEmpty() || client.tenants().contains(tenant), TENANT,
        "tenant " + tenant + " not accepted");
    return client;
  }

  /**
   * Where the token's keys are read. A {@code jku} on the client's allowlist names them (its local copy, where the
   * site pins one). Any other {@code jku} is never fetched: with a configured jwks-uri it is ignored, and the token
   * must verify with a key of that set (a foreign key in an unlisted {@code jku} fails there); without one the token
   * is refused.
   */
  private URI keyLocation(JWSHeader header, TrustedClient client, Checks checks) throws JwtRejection {
    URI jku = header.getJWKURL();
    if (jku != null && client.jkuAllowlist().contains(jku)) {
      return client.keySetOf(jku);
    }
    if (jku != null) {
      checks.require(client.jwksUri() != null, KEY_LOCATION,
          "jku " + jku + " is not on the client's allowlist, and the client has no jwks-uri");
      ignored(client, jku);
      return client.jwksUri();
    }
    checks.require(client.jwksUri() != null, KEY_LOCATION, "no jku, and the client has no jwks-uri");
    return client.jwksUri();
  }

  /** Logs an ignored jku once per client and jku (at most {@link #MAX_IGNORED_LOGGED} of them), then at debug. */
  private void ignored(TrustedClient client, URI jku) {
    String key = client.issuer() + " " + jku;
    boolean first = ignoredJkus.size() < MAX_IGNORED_LOGGED && ignoredJkus.add(key);
    String message = "jku {} in a token of trusted client {} is not on its jku-allowlist: ignored, never fetched; the"
        + " token is checked against the client's jwks-uri {}";
    if (first) {
      log.info(message + " (logged once for this client and jku)", LogText.loggable(jku.toString()), client.issuer(),
          client.jwksUri());
    } else {
      log.debug(message, LogText.loggable(jku.toString()), client.issuer(), client.jwksUri());
    }
  }

  private void checkSignature(SignedJWT jwt, URI location, Checks checks) throws JwtRejection {
    List<JWK> keys = keySets.select(location, JWKMatcher.forJWSHeader(jwt.getHeader())).stream()
        .filter(key -> !(key instanceof RSAKey) || key.size() >= MIN_RSA_BITS)
        .toList();
    checks.require(!keys.isEmpty(), UNKNOWN_KEY,
        "no usable key " + jwt.getHeader().getKeyID() + " in " + location);
    boolean valid;
    try {
      valid = jwt.verify(signatures.createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) keys.get(0)).toPublicKey()));
    } catch (JOSEException e) {
      throw checks.rejection(SIGNATURE, "key does not fit the algorithm: " + e.getMessage());
    }
    checks.require(valid, SIGNATURE, "signature does not verify");
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  private record Checks(TokenFacts facts) {

    void require(boolean condition, RejectionReason kind, String reason) throws JwtRejection {
      if (!condition) {
        throw rejection(kind, reason);
      }
    }

    JwtRejection rejection(RejectionReason kind, String reason) {
      return new JwtRejection(kind, reason, facts);
    }
  }
}
