package org.pinpointcds.data;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Required prefetch data could be neither read nor fetched: the CDS Hooks answer is 412 Precondition Failed.
 *
 * <p>The message names each key and why it failed; it never holds an access token. Each reason also has a
 * {@link Cause}, one of few enough kinds to count (operators watch 412s by cause).
 */
public final class RequiredDataUnavailableException extends RuntimeException {

  private final Map<String, Reason> reasons;

  public RequiredDataUnavailableException(Map<String, Reason> reasonsByKey) {
    super(describe(reasonsByKey));
    this.reasons = Map.copyOf(reasonsByKey);
  }

  /** Every key failed for the same cause. */
  static RequiredDataUnavailableException of(Cause cause, Map<String, String> reasonsByKey) {
    Map<String, Reason> reasons = new LinkedHashMap<>();
    reasonsByKey.forEach((key, text) -> reasons.put(key, new Reason(cause, text)));
    return new RequiredDataUnavailableException(reasons);
  }

  /** Each key with why it could not be obtained, in words. */
  public Map<String, String> reasonsByKey() {
    return reasons.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().text()));
  }

  /** Each key with its reason. */
  public Map<String, Reason> reasons() {
    return reasons;
  }

  /** The distinct causes, in their declared order. */
  public Set<Cause> causes() {
    return reasons.values().stream().map(Reason::cause).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String describe(Map<String, Reason> reasons) {
    return "Required data could not be obtained for prefetch key(s): "
        + reasons.keySet().stream().sorted().collect(Collectors.joining(", "));
  }

  /** Why one key could not be obtained: the kind, and the words a 412 answer gives. */
  public record Reason(Cause cause, String text) {}

  /** The kinds of failure, coarse enough to count. */
  public enum Cause {
    /** Prefetch lacks the key and the call names no {@code fhirServer} to fetch it from. */
    NO_FHIR_SERVER,
    /** The key's query cannot be made: a template token without a value, a reference nothing can read. */
    UNRESOLVED_QUERY,
    /** {@code fhirServer} is plain http where https is required. */
    INSECURE_FHIR_SERVER,
    /** The FHIR server did not answer in time (the call timeout or the budget). */
    TIMEOUT,
    /** The FHIR server could not be reached: connection refused or broken. */
    UNREACHABLE,
    /** The FHIR server refused the access token (401, 403). */
    ACCESS_REFUSED,
    /** The FHIR server found nothing at the query (404). */
    NOT_FOUND,
    /** The FHIR server failed (5xx). */
    SERVER_ERROR,
    /** The FHIR server answered, but not with what a FHIR search or read returns. */
    BAD_RESPONSE,
    /** Anything else. */
    OTHER;

    /** The cause as a metric tag: {@code no-fhir-server}, {@code timeout}, ... */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
