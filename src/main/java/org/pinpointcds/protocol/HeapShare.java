package org.pinpointcds.protocol;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A share of the heap handed out to the calls in flight that read a body, charged by the bytes each has received.
 * While a body arrives it holds its bytes; once whole, it is read into a JSON tree, which holds about
 * {@value #EXPANSION} times as much (a long stay of 1.1 MB is a tree of 7.8 MB). Without a bound, 16 long stays
 * at once fill a 256 MB heap and the JVM does little but collect garbage; with it, the calls beyond the share wait
 * their turn, first come first served, which on a machine of a few cores costs no throughput. A body that is still
 * arriving holds only what it has sent: a slow sender that has announced megabytes holds no more than the bytes
 * it has sent, so honest calls are not kept waiting for it.
 */
final class HeapShare {

  /** Bytes held in memory per byte of body, measured on the long-stay chart (1 + 7 for the tree, rounded up). */
  static final int EXPANSION = 10;

  private final Semaphore kilobytes;
  private final int shareKilobytes;

  /** @param shareBytes the heap handed out to calls in flight */
  HeapShare(long shareBytes) {
    this.shareKilobytes = (int) Math.min(Integer.MAX_VALUE, shareBytes / 1024);
    this.kilobytes = new Semaphore(shareKilobytes, true);
  }

  /** What one call holds; nothing until it is charged. */
  Charge charge() {
    return new Charge();
  }

  final class Charge {

    private int held;

    /** Charges the bytes received so far, without waiting; false when the share is spent. */
    synchronized boolean received(long bytes) {
      int more = kilobytesFor(bytes) - held;
      if (more <= 0 || kilobytes.tryAcquire(more)) {
        held += Math.max(0, more);
        return true;
      }
      return false;
    }

    /** Charges a whole body about to be read into a tree, waiting up to {@code patience}; false when it waited in vain. */
    boolean parsing(long bytes, Duration patience) {
      int more;
      synchronized (this) {
        more = kilobytesFor(bytes * EXPANSION) - held;
      }
      try {
        if (more > 0 && !kilobytes.tryAcquire(more, patience.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      synchronized (this) {
        held += Math.max(0, more);
      }
      return true;
    }

    /** Gives back all this call holds; a second call gives back nothing. */
    synchronized void release() {
      kilobytes.release(held);
      held = 0;
    }

    /** At least a kilobyte, at most the whole share: a body larger than the share runs alone. */
    private int kilobytesFor(long bytes) {
      return (int) Math.max(1, Math.min(shareKilobytes, (bytes + 1023) / 1024));
    }
  }
}
