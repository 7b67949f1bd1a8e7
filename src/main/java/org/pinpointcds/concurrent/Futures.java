package org.pinpointcds.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The value of a completed future, or its failure thrown as it was raised (not wrapped in a CompletionException). */
public final class Futures {

  private Futures() {}

  /** @throws IllegalStateException when the future is not completed: this never waits */
  public static <T> T valueOf(CompletableFuture<T> completed) {
    if (!completed.isDone()) {
      throw new IllegalStateException("the future is not completed");
    }
    try {
      return completed.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** The failure a future's stage raised, as a runtime exception to rethrow. */
  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }
}
