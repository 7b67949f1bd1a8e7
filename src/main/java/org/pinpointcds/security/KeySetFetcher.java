package org.pinpointcds.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;

/**
 * Reads a JWK Set from a file or over http(s); only its public keys are kept. Redirects are not followed. Not final:
 * tests count the locations it reads.
 */
class KeySetFetcher {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_BYTES = 256 * 1024;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  JWKSet fetch(URI location) throws IOException {
    String json = "file".equalsIgnoreCase(location.getScheme())
        ? Files.readString(KeySetLocations.file(location).toPath(), StandardCharsets.UTF_8)
        : download(location);
    try {
      return JWKSet.parse(json).toPublicJWKSet();
    } catch (ParseException e) {
      throw new IOException("not a JWK Set: " + e.getMessage(), e);
    }
  }

  private String download(URI location) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(location).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
