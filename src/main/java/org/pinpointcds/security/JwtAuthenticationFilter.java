package org.pinpointcds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.pinpointcds.protocol.CallingClient;
import org.pinpointcds.security.JwtRejection.TokenFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a CDS call through only with a valid JWT from a trusted client, where one is required or presented
 * (CDS Hooks 2.0: every call, discovery and feedback included). A refusal is a 401 with an empty body; its
 * reason goes to the log with the token's iss, kid and jti, never the token. OPTIONS needs no token: it reads
 * nothing, and a CORS preflight cannot carry one.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);
  private static final String BEARER = "bearer ";

  private final Optional<JwtVerifier> verifier;
  private final boolean required;
  private final EndpointAudience audience;

  /** {@code verifier} empty: no client is trusted, so tokens are not checked (and cannot be required). */
  JwtAuthenticationFilter(Optional<JwtVerifier> verifier, boolean required, Optional<URI> externalBaseUrl) {
    this.verifier = verifier;
    this.required = required;
    this.audience = new EndpointAudience(externalBaseUrl.orElse(null));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return HttpMethod.OPTIONS.matches(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (verifier.isEmpty() || (authorization == null && !required)) {
      chain.doFilter(request, response);
      return;
    }
    try {
      verifier.get().verify(bearerToken(authorization), audience.of(request)).attachTo(request);
      chain.doFilter(request, response);
    } catch (JwtRejection rejection) {
      TokenFacts facts = rejection.facts();
      rejection.kind().attachTo(request);
      log.warn("401 {} {}: {} (iss={}, kid={}, jti={})", request.getMethod(), LogText.loggable(request.getRequestURI()),
          LogText.loggable(rejection.getMessage()), LogText.loggable(facts.issuer()), LogText.loggable(facts.keyId()),
          LogText.loggable(facts.tokenId()));
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      response.setContentLength(0);
    }
  }

  private static String bearerToken(String authorization) throws JwtRejection {
    if (authorization == null) {
      throw new JwtRejection(RejectionReason.MISSING, "no bearer token", TokenFacts.NONE);
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new JwtRejection(RejectionReason.MALFORMED, "Authorization is not a Bearer token", TokenFacts.NONE);
    }
    return authorization.substring(BEARER.length()).trim();
  }
}
