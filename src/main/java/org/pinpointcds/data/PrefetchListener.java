package org.pinpointcds.data;

import java.util.Set;

/**
 * Told, once a call's prefetch is read, which required keys the client sent and which Pinpoint must fetch:
 * how well an EHR's prefetch serves the service, for operators. Called on the request thread; must not block.
 */
public interface PrefetchListener {

  PrefetchListener NONE = (required, missing) -> {};

  /**
   * @param required every required prefetch key
   * @param missing the keys omitted or sent as an OperationOutcome (the client's prefetch failed)
   */
  void read(Set<String> required, Set<String> missing);
}
