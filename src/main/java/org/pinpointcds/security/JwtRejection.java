package org.pinpointcds.security;

/** Why a JWT was refused, with the header and claim values worth logging; never the token itself. */
final class JwtRejection extends Exception {

  private final RejectionReason kind;
  private final TokenFacts facts;

  JwtRejection(RejectionReason kind, String reason, TokenFacts facts) {
    super(reason, null, false, false);
    this.kind = kind;
    this.facts = facts;
  }

  RejectionReason kind() {
    return kind;
  }

  TokenFacts facts() {
    return facts;
  }

  /** The loggable facts of a token: {@code iss}, {@code kid} and {@code jti}, as far as they could be read. */
  record TokenFacts(String issuer, String keyId, String tokenId) {

    static final TokenFacts NONE = new TokenFacts(null, null, null);
  }
}
