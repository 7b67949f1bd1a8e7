package org.pinpointcds.data;

import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;

/** Why one prefetch key could not be fetched; the message names the kind of failure, never a token. */
final class FetchFailure extends RuntimeException {

  private final Cause cause;

  FetchFailure(Cause cause, String message) {
    super(message, null, false, false);
    this.cause = cause;
  }

  Reason reason() {
    return new Reason(cause, getMessage());
  }
}
