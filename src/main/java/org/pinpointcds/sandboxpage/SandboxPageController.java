package org.pinpointcds.sandboxpage;

import org.pinpointcds.endpoints.EndpointPaths;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.pinpointcds.feedback.FeedbackReportController;
import org.pinpointcds.protocol.CdsHooksController;
import org.pinpointcds.protocol.ProtocolException;
import org.pinpointcds.security.BuiltInClient;
import org.pinpointcds.security.EndpointAudience;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page itself, the scenarios it lists, and the tokens it signs its calls with. A token is minted only for a
 * caller on loopback that addressed the service by a loopback name (the embedded defaults listen nowhere else; a
 * page of another site whose name was re-pointed at 127.0.0.1 is refused), and only for one of the service's own
 * guarded endpoints, so the key never leaves the server and a token is good for nothing but this page's next call.
 */
@RestController
@SandboxPageEnabled
class SandboxPageController {

  /** The page's scripts and styles come from this origin only; the cards' markdown cannot run code. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
      + " base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

  private static final Pattern LOOPBACK_HOST = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[?::1]?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGNABLE = Pattern.compile(
      Pattern.quote(EndpointPaths.CDS_SERVICES) + "(/[A-Za-z0-9._-]+(/feedback)?)?|" + Pattern.quote(EndpointPaths.FEEDBACK_REPORT));

  private final ScenarioLibrary scenarios;
  private final BuiltInClient client;
  private final EndpointAudience audience;
  private final Resource page = new ClassPathResource("sandbox/index.html");

  SandboxPageController(ScenarioLibrary scenarios, BuiltInClient client, EndpointAudience audience) {
    this.scenarios = scenarios;
    this.client = client;
    this.audience = audience;
  }

  @GetMapping(SandboxPageConfiguration.PATH)
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .body(page);
  }

  @GetMapping(SandboxPageConfiguration.PATH + "/scenarios.json")
  ArrayNode scenarios() {
    return scenarios.all();
  }

  /** A short-lived token of the built-in client for the endpoint at {@code path}, e.g. /cds-services/petechiae-triage. */
  @PostMapping(SandboxPageConfiguration.PATH + "/token")
  SandboxToken token(@RequestParam String path, HttpServletRequest request) {
    if (!isLoopback(request.getRemoteAddr()) || !LOOPBACK_HOST.matcher(request.getServerName()).matches()) {
      throw ProtocolException.forbidden("sandbox tokens are issued to callers on this machine only");
    }
    if (!SIGNABLE.matcher(path).matches()) {
      throw ProtocolException.badRequest("sandbox tokens are issued for the CDS endpoints and the feedback report only,"
          + " not for '" + path + "'");
    }
    return new SandboxToken(client.token(audience.of(request, path)), client.issuer(),
        BuiltInClient.TOKEN_LIFETIME.toSeconds());
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** What the page puts in its Authorization header, and what it shows an integrator. */
  record SandboxToken(String token, String issuer, long expiresIn) {}
}
