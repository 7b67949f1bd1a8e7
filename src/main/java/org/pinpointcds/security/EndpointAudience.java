package org.pinpointcds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The URL that a JWT's {@code aud} must name for an endpoint of this service: {@code
 * pinpoint.security.external-base-url} plus the endpoint's path, or, where that is unset, the URL the request
 * arrived with. The filter checks tokens against it; the sandbox page's tokens are minted for it.
 *
 * @param externalBaseUrl the public URL of the service root; null to use the request's own
 */
public record EndpointAudience(URI externalBaseUrl) {

  /** The audience of the endpoint at {@code path} (relative to the service root) for a caller of {@code request}. */
  public String of(HttpServletRequest request, String path) {
    if (externalBaseUrl != null) {
      return externalBaseUrl.toString().replaceAll("/+$", "") + path;
    }
    StringBuffer url = request.getRequestURL();
    url.setLength(url.length() - request.getRequestURI().length());
    return url.append(request.getContextPath()).append(path).toString();
  }

  /** The audience of the endpoint {@code request} calls. */
  String of(HttpServletRequest request) {
    return of(request, request.getRequestURI().substring(request.getContextPath().length()));
  }
}
