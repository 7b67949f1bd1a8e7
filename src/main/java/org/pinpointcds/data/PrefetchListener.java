package org.pinpointcds.data;

import java.util.List;
import java.util.Set;
import org.pinpointcds.triage.DataGap;

/**
 * Told, once a call's prefetch is read, which required keys the client sent and which Pinpoint must fetch, and once
 * it is triaged, what it could not read: how well an EHR's data serves the service, for operators. Called on the request thread; must not block.
 */
public interface PrefetchListener {

  PrefetchListener NONE = (required, missing) -> {};

  /**
   * @param required every required prefetch key
   * @param missing the keys omitted or sent as an OperationOutcome (the client's prefetch failed)
   */
  void read(Set<String> required, Set<String> missing);

  /** What a call could not read that could change its triage (contract 5), each with its key and reason. */
  default void unread(List<DataGap> unread) {}
}
