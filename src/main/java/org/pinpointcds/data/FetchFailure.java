package org.pinpointcds.data;

/** Why one prefetch key could not be fetched; the message names the kind of failure, never a token. */
final class FetchFailure extends RuntimeException {

  FetchFailure(String message) {
    super(message, null, false, false);
  }
}
