package org.pinpointcds.security;

import java.io.File;
import java.io.FileNotFoundException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.util.ResourceUtils;

/**
 * Which JWK Set URLs Pinpoint reads: https:, file: for a configured jwks-uri or a jku's local copy, and http: on
 * loopback only when tests allow it. Checked once at start-up, so that no request can make Pinpoint fetch anything
 * else.
 */
final class KeySetLocations {

  private KeySetLocations() {}

  static void requireAllowed(URI location, boolean fileAllowed, boolean loopbackHttp) {
    String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
    if (fileAllowed && scheme.equals("file")) {
      if (!readable(location)) {
        throw new IllegalStateException("JWK Set file " + location + " cannot be read");
      }
      return;
    }
    boolean allowed = (scheme.equals("https") && location.getHost() != null)
        || (scheme.equals("http") && loopbackHttp && isLoopback(location));
    if (!allowed) {
      throw new IllegalStateException("JWK Set location " + location + " is not allowed: use an https:"
          + (fileAllowed ? " or a file:" : "") + " URL");
    }
  }

  static File file(URI location) throws FileNotFoundException {
    return ResourceUtils.getFile(location);
  }

  private static boolean readable(URI location) {
    try {
      return file(location).canRead();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private static boolean isLoopback(URI location) {
    try {
      return location.getHost() != null && InetAddress.getByName(location.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
