package org.pinpointcds.testing;

import java.util.concurrent.CompletableFuture;
import org.pinpointcds.concurrent.Futures;

/** Waits for a future in a test: its value, or its failure thrown as it was raised. */
public final class Await {

  private Await() {}

  public static <T> T value(CompletableFuture<T> future) {
    future.handle((value, failure) -> null).join();
    return Futures.valueOf(future);
  }
}
