package org.pinpointcds.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every fuzz test asks of a call made with a fuzzed body: answered, or refused as the service refuses it (an
 * exception it maps to a 4xx, whose message holds no stack trace), within {@link #PATIENCE_SECONDS}. Any other
 * exception is a 500; a call that takes longer is a hang.
 */
public final class FuzzedCalls {

  public static final long PATIENCE_SECONDS = 5;
  /** Numbers JSON allows and no measurement has (1e999, 1e999999999, ...), and NUL characters, for the fuzzer to splice in. */
  public static final String NUMBERS_DICTIONARY = "/org/pinpointcds/protocol/json-numbers.dict";
  private static final ExecutorService CALLS = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "fuzzed-call");
    thread.setDaemon(true);
    return thread;
  });

  private FuzzedCalls() {}

  public static void answeredOrRefused(Callable<?> call, List<Class<? extends Exception>> refusals) throws Exception {
    Future<?> answer = CALLS.submit(call);
    try {
      answer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new AssertionError("a call took more than " + PATIENCE_SECONDS + " s: a hang", e);
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (refusals.stream().noneMatch(refusal -> refusal.isInstance(failure))) {
        throw new AssertionError("a 500: " + failure, failure);
      }
      assertThat(failure.getMessage()).as("the message of a 4xx answer").doesNotContain("\tat ", "Caused by");
    }
  }
}
