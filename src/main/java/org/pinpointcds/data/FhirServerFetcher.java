package org.pinpointcds.data;

import java.util.concurrent.CancellationException;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the prefetch keys a client did not satisfy from its FHIR server (CDS Hooks 2.0, Prefetch), and the
 * remaining pages of prefetched searchsets: all keys in parallel, every page of a searchset up to a bound, within one time budget. Any failure of a key ends
 * the call in 412 with the key and the kind of failure. The bearer token goes to the FHIR server only: never
 * to another host (a {@code next} link elsewhere is refused), never into a message or a log line.
 *
 * <p>A faulty server cannot make it hold more than it bounds: each answer is read through a size cap, at most so
 * many requests of a call are on the wire at once, reads by id are capped and batched ({@link FetchPlan}), and the
 * budget aborts the exchanges still open ({@link FetchRound}).
 */
public final class FhirServerFetcher implements MissingDataFetcher {

  private static final Logger log = LoggerFactory.getLogger(FhirServerFetcher.class);

  private final HttpClient http;
  private final FhirContext fhirContext;
  private final FetchSettings settings;
  private final HttpResponse.BodyHandler<String> bodies;

  public FhirServerFetcher(FhirContext fhirContext, FetchSettings settings) {
    this.fhirContext = fhirContext;
    this.settings = settings;
    this.bodies = CappedBody.handler(settings.maxBodyBytes());
    // One client for the application: it pools connections per host.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.callTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public CompletableFuture<Map<String, List<IBaseResource>>> fetch(FhirAccess access, Map<String, String> queries) {
    if (settings.requireHttps() && !isHttpsOrLoopback(access.fhirServer())) {
      Map<String, String> reasons = new LinkedHashMap<>();
      queries.keySet().forEach(key -> reasons.put(key, "fhirServer must use https"));
      return CompletableFuture.failedFuture(RequiredDataUnavailableException.of(Cause.INSECURE_FHIR_SERVER, reasons));
    }
    List<FetchRequest> requests;
    try {
      requests = FetchPlan.of(queries, settings);
    } catch (RequiredDataUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
    FetchRound round = new FetchRound(settings.budget(), settings.maxConcurrentRequests());
    Map<FetchRequest, CompletableFuture<List<IBaseResource>>> pending = new LinkedHashMap<>();
    requests.forEach(request -> pending.put(request, fetchQuery(access, request.query(), round)));
    // No thread waits: the requests' failures are read one by one in outcome(), and the budget ends the wait.
    return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new))
        .exceptionally(failure -> null)
        .completeOnTimeout(null, settings.budget().toNanos(), TimeUnit.NANOSECONDS)
        .thenApply(allDoneOrBudgetSpent -> outcome(queries.keySet(), pending, round));
  }

  /**
   * Every key's resources, in the order of {@code keys}, or a failure naming each key that failed or is still
   * pending (out of budget). Ends the round: an exchange still open is aborted, not left reading.
   */
  private Map<String, List<IBaseResource>> outcome(Set<String> keys,
      Map<FetchRequest, CompletableFuture<List<IBaseResource>>> pending, FetchRound round) {
    Map<String, List<IBaseResource>> fetched = new HashMap<>();
    Map<String, Reason> failures = new LinkedHashMap<>();
    pending.forEach((request, future) -> {
      if (!future.isDone()) {
        Reason late = new Reason(Cause.TIMEOUT,
            "the FHIR server did not answer within the " + settings.budget().toMillis() + " ms budget");
        request.keys().forEach(key -> failures.put(key, late));
      } else if (future.isCompletedExceptionally()) {
        Reason failed = describe(future);
        request.keys().forEach(key -> failures.put(key, failed));
      } else {
        request.answered(future.join(), fetched, failures);
      }
    });
    round.end();
    if (!failures.isEmpty()) {
      throw new RequiredDataUnavailableException(failures);
    }
    Map<String, List<IBaseResource>> inOrder = new LinkedHashMap<>();
    keys.forEach(key -> inOrder.put(key, fetched.get(key)));
    return inOrder;
  }

  /** A query relative to the FHIR server, or an absolute URL on it (the next page of a prefetched searchset). */
  private CompletableFuture<List<IBaseResource>> fetchQuery(FhirAccess access, String query, FetchRound round) {
    List<IBaseResource> resources = new ArrayList<>();
    try {
      boolean absolute = query.startsWith("http://") || query.startsWith("https://");
      URI first = absolute
          ? onServer(URI.create(encodeQuery(query)), access.fhirServer())
          : URI.create(stripSlash(access.fhirServer().toString()) + "/" + encodeQuery(query));
      return page(access, first, absolute ? "Bundle" : expectedType(query), resources, new HashSet<>(), round);
    } catch (FetchFailure | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          e instanceof FetchFailure ? e : new FetchFailure(Cause.BAD_RESPONSE, "the query is not a valid URL"));
    }
  }

  private CompletableFuture<List<IBaseResource>> page(
      FhirAccess access, URI uri, String expectedType, List<IBaseResource> resources, Set<URI> seen, FetchRound round) {
    seen.add(uri);
    return get(access, uri, round).thenCompose(body -> {
      IBaseResource resource = parse(body, expectedType);
      resources.add(resource);
      Optional<URI> next = nextLink(resource, access.fhirServer());
      if (next.isEmpty() || seen.contains(next.get())) {
        return CompletableFuture.completedFuture(resources);
      }
      if (seen.size() >= settings.maxPages()) {
        log.warn("stopped paging after {} pages of a {} search", seen.size(), expectedType);
        return CompletableFuture.completedFuture(resources);
      }
      return page(access, next.get(), expectedType, resources, seen, round);
    });
  }

  /** The body of a 200 answer, read through the size cap, sent when the round has a place for it. */
  private CompletableFuture<String> get(FhirAccess access, URI uri, FetchRound round) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .GET()
        .header("Accept", "application/fhir+json, application/json");
    access.accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return round.send(budgetLeft -> http.sendAsync(
            request.timeout(min(budgetLeft, settings.callTimeout())).build(), bodies))
        .thenApply(FhirServerFetcher::bodyOf);
  }

  private static String bodyOf(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new FetchFailure(Cause.ACCESS_REFUSED,
          "the FHIR server refused the access token (HTTP " + status + ")");
    }
    if (status == 404) {
      throw new FetchFailure(Cause.NOT_FOUND, "the FHIR server found nothing at the query (HTTP 404)");
    }
    if (status >= 500) {
      throw new FetchFailure(Cause.SERVER_ERROR, "the FHIR server failed (HTTP " + status + ")");
    }
    if (status != 200) {
      throw new FetchFailure(Cause.BAD_RESPONSE, "the FHIR server answered HTTP " + status);
    }
    return response.body();
  }

  private IBaseResource parse(String body, String expectedType) {
    IBaseResource resource;
    try {
      resource = FhirJson.parse(fhirContext, body);
    } catch (DataFormatException e) {
      throw new FetchFailure(Cause.BAD_RESPONSE, "the FHIR server sent a malformed or non-FHIR body");
    }
    String type = fhirContext.getResourceType(resource);
    if (!type.equals(expectedType)) {
      throw new FetchFailure(Cause.BAD_RESPONSE,
          "the FHIR server sent a " + type + " where a " + expectedType + " was expected");
    }
    return resource;
  }

  /** The {@code next} link of a searchset, when it points to the same server (scheme, host and port). */
  private static Optional<URI> nextLink(IBaseResource resource, URI server) {
    if (!(resource instanceof Bundle bundle) || bundle.getLink(Bundle.LINK_NEXT) == null) {
      return Optional.empty();
    }
    URI next;
    try {
      next = URI.create(encodeQuery(bundle.getLink(Bundle.LINK_NEXT).getUrl()));
    } catch (IllegalArgumentException e) {
      throw new FetchFailure(Cause.BAD_RESPONSE, "the FHIR server sent a malformed next link");
    }
    if (!next.isAbsolute()) {
      next = URI.create(stripSlash(server.toString()) + "/").resolve(next);
    }
    return Optional.of(onServer(next, server));
  }

  /** The URL itself when it is on the FHIR server (scheme, host and port): the token is never sent elsewhere. */
  private static URI onServer(URI url, URI server) {
    boolean sameServer = server.getScheme().equalsIgnoreCase(url.getScheme())
        && server.getHost().equalsIgnoreCase(url.getHost())
        && port(server) == port(url);
    if (!sameServer) {
      throw new FetchFailure(Cause.BAD_RESPONSE,
          "a next link points to another server than fhirServer; the token is not sent there");
    }
    return url;
  }

  /** A read ({@code Patient/123}) expects that type; a search expects a Bundle. */
  static String expectedType(String query) {
    return query.contains("?") || !query.contains("/") ? "Bundle" : query.substring(0, query.indexOf('/'));
  }

  private static Reason describe(CompletableFuture<?> failed) {
    try {
      failed.join();
      return new Reason(Cause.OTHER, "unknown failure");
    } catch (CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof FetchFailure failure) {
        return failure.reason();
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new Reason(Cause.TIMEOUT, "connecting to the FHIR server timed out");
      }
      if (cause instanceof HttpTimeoutException) {
        return new Reason(Cause.TIMEOUT, "the FHIR server did not answer within the call timeout");
      }
      if (cause instanceof ConnectException) {
        return new Reason(Cause.UNREACHABLE, "the FHIR server refused the connection");
      }
      if (cause instanceof IOException) {
        return new Reason(Cause.UNREACHABLE, "the connection to the FHIR server failed");
      }
      log.warn("fetch failed unexpectedly: {}", cause.getClass().getName());
      return new Reason(Cause.OTHER, "the fetch failed");
    } catch (CancellationException e) {
      return new Reason(Cause.TIMEOUT, "the fetch was cancelled");
    }
  }

  private static boolean isHttpsOrLoopback(URI server) {
    return "https".equalsIgnoreCase(server.getScheme()) || LoopbackHost.isLoopback(server);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Prefetch templates carry FHIR token syntax ({@code system|code}) that a URI must percent-encode. */
  private static String encodeQuery(String query) {
    return query.replace("|", "%7C").replace(" ", "%20");
  }
}
