package org.pinpointcds.runtime;

import org.pinpointcds.protocol.OperationOutcomes;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Calls that read a body share a bound of the heap: within it they run at once, beyond it they wait, then 503. */
class HeapShareFilterTests {

  private static final OperationOutcomes OUTCOMES = new OperationOutcomes(FhirContext.forR4Cached());

  @Test
  void callsWithinTheShareRunAtOnce() throws Exception {
    HeapShareFilter filter = new HeapShareFilter(100 * 1024, Duration.ofMillis(10), OUTCOMES);
    CountDownLatch bothInside = new CountDownLatch(2);
    Runnable meetTheOther = () -> {
      bothInside.countDown();
      await(bothInside);
    };
    assertAnswered(call(filter, 1024, meetTheOther), call(filter, 1024, meetTheOther));
  }

  @Test
  void aCallBeyondTheShareWaitsForTheMemoryToBeFree() throws Exception {
    HeapShareFilter filter = new HeapShareFilter(20 * 1024, Duration.ofSeconds(5), OUTCOMES);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> first = holdTheWholeShare(filter, release);
    CompletableFuture<MockHttpServletResponse> second = call(filter, 2048, () -> { });
    Thread.sleep(200);
    assertThat(second).as("waits while the first holds the share").isNotDone();
    release.countDown();
    assertAnswered(first, second);
  }

  @Test
  void aCallThatWaitsTooLongIsAnswered503WithAnOperationOutcome() throws Exception {
    HeapShareFilter filter = new HeapShareFilter(20 * 1024, Duration.ofMillis(100), OUTCOMES);
    CountDownLatch release = new CountDownLatch(1);
    holdTheWholeShare(filter, release);
    MockHttpServletResponse refused = call(filter, 2048, () -> { }).get(5, TimeUnit.SECONDS);
    release.countDown();
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getContentAsString()).contains("OperationOutcome", "retry");
  }

  @SafeVarargs
  private static void assertAnswered(CompletableFuture<MockHttpServletResponse>... calls) throws Exception {
    for (CompletableFuture<MockHttpServletResponse> call : calls) {
      assertThat(call.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }
  }

  /** A call of 2 KB (20 KB held) that keeps the share of a 20 KB filter until {@code release}, once it holds it. */
  private static CompletableFuture<MockHttpServletResponse> holdTheWholeShare(HeapShareFilter filter,
      CountDownLatch release) throws InterruptedException {
    CompletableFuture<MockHttpServletResponse> holder = call(filter, 2048, () -> await(release));
    Thread.sleep(100);
    return holder;
  }

  /** A POST of {@code length} bytes, handled by {@code handling}, on a thread of its own. */
  private static CompletableFuture<MockHttpServletResponse> call(HeapShareFilter filter, int length, Runnable handling) {
    return CompletableFuture.supplyAsync(() -> {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/petechiae-triage");
      request.setContent(new byte[length]);
      MockHttpServletResponse response = new MockHttpServletResponse();
      try {
        filter.doFilter(request, response, (req, res) -> handling.run());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return response;
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
