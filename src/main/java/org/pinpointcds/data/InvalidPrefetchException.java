package org.pinpointcds.data;

/** A prefetch value that is neither a FHIR resource, a Bundle nor null: the request is malformed (400). */
public final class InvalidPrefetchException extends RuntimeException {

  public InvalidPrefetchException(String key, String problem) {
    super("prefetch key '" + key + "': " + problem);
  }
}
