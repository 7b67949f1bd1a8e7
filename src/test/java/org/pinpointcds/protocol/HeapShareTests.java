package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Calls that read a body share a bound of the heap: a body still arriving holds the bytes it has sent, a whole body
 * its tree; within the share calls run at once, beyond it a whole body waits, then is refused.
 */
class HeapShareTests {

  private static final int KB = 1024;

  @Test
  void aBodyStillArrivingHoldsOnlyWhatItHasSent() {
    HeapShare share = new HeapShare(100 * KB);
    HeapShare.Charge trickler = share.charge();
    HeapShare.Charge honest = share.charge();

    assertThat(trickler.received(10)).isTrue();
    assertThat(honest.received(99 * KB)).as("the rest of the share is free").isTrue();
    assertThat(share.charge().received(2 * KB)).as("nothing is left").isFalse();
    honest.release();
    assertThat(share.charge().received(50 * KB)).isTrue();
  }

  @Test
  void aWholeBodyWaitsForItsTreeToFitThenRuns() throws Exception {
    HeapShare share = new HeapShare(20 * KB);
    HeapShare.Charge first = share.charge();
    assertThat(first.parsing(2 * KB, Duration.ZERO)).as("2 KB of JSON: a 20 KB tree").isTrue();

    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
        () -> share.charge().parsing(2 * KB, Duration.ofSeconds(5)));
    Thread.sleep(200);
    assertThat(second).as("waits while the first holds the share").isNotDone();
    first.release();
    assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWholeBodyThatWaitsTooLongIsRefusedAndHoldsNothing() {
    HeapShare share = new HeapShare(20 * KB);
    share.charge().parsing(2 * KB, Duration.ZERO);
    HeapShare.Charge late = share.charge();

    assertThat(late.parsing(2 * KB, Duration.ofMillis(100))).isFalse();
    late.release();
    assertThat(share.charge().received(1)).as("the late call gave back nothing it did not hold").isFalse();
  }

  @Test
  void aBodyLargerThanTheShareRunsAlone() {
    HeapShare share = new HeapShare(20 * KB);
    HeapShare.Charge large = share.charge();
    assertThat(large.received(10 * KB)).isTrue();
    assertThat(large.parsing(1024 * KB, Duration.ZERO)).as("charged the whole share, not more").isTrue();
    large.release();
    assertThat(share.charge().parsing(2 * KB, Duration.ZERO)).isTrue();
  }
}
