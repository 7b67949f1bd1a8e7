package org.pinpointcds.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pinpointcds.data.Futures;

/** Waits for a future in a test: its value, or its failure thrown as it was raised. */
public final class Await {

  private Await() {}

  public static <T> T value(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw Futures.unwrap(e);
    }
  }
}
