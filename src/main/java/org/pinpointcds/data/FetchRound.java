package org.pinpointcds.data;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;

/**
 * One round of a call's fetches: its HTTP exchanges share one budget, at most so many are on the wire at once (the
 * others wait their turn, without a thread), and when the round ends nothing more is sent and every exchange still
 * open is cancelled, which closes its connection: a server that trickles a body forever holds no socket past the
 * budget.
 */
final class FetchRound {

  private final long deadline;
  private final int maxConcurrent;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private final Set<CompletableFuture<?>> open = new HashSet<>();
  /** Exchanges started and not finished: a place is taken before its exchange starts, so this can lead open. */
  private int sending;
  private boolean ended;

  FetchRound(Duration budget, int maxConcurrent) {
    this.deadline = System.nanoTime() + budget.toNanos();
    this.maxConcurrent = maxConcurrent;
  }

  /**
   * Starts an exchange when a place is free.
   *
   * @param exchange sends the request, given the budget left when it starts; its future must complete only when
   *     the answer has been read whole, and cancelling it must abort the exchange (as {@code HttpClient.sendAsync})
   */
  <T> CompletableFuture<T> send(Function<Duration, CompletableFuture<T>> exchange) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Runnable start = () -> start(exchange, answer);
    synchronized (this) {
      if (sending == maxConcurrent) {
        waiting.add(start);
        return answer;
      }
      sending++;
    }
    start.run();
    return answer;
  }

  /** The budget is spent or the round is decided: nothing more is sent, and every open exchange is aborted. */
  void end() {
    List<CompletableFuture<?>> aborted;
    synchronized (this) {
      ended = true;
      aborted = List.copyOf(open);
    }
    aborted.forEach(exchange -> exchange.cancel(true));
  }

  private <T> void start(Function<Duration, CompletableFuture<T>> exchange, CompletableFuture<T> answer) {
    long left = deadline - System.nanoTime();
    CompletableFuture<T> sent = isEnded() || left <= 0
        ? CompletableFuture.failedFuture(
            new FetchFailure(Cause.TIMEOUT, "the fetch budget ran out before the request was sent"))
        : exchange.apply(Duration.ofNanos(left));
    opened(sent);
    sent.whenComplete((value, failure) -> {
      finished(sent);
      if (failure == null) {
        answer.complete(value);
      } else {
        answer.completeExceptionally(failure);
      }
    });
  }

  private synchronized boolean isEnded() {
    return ended;
  }

  /** An exchange started as the round ended is aborted at once: end() may have missed it. */
  private void opened(CompletableFuture<?> exchange) {
    boolean abort;
    synchronized (this) {
      abort = ended;
      if (!abort) {
        open.add(exchange);
      }
    }
    if (abort) {
      exchange.cancel(true);
    }
  }

  /** Hands the place on to the next waiting exchange (which fails at once when the round has ended). */
  private void finished(CompletableFuture<?> exchange) {
    Runnable next;
    synchronized (this) {
      open.remove(exchange);
      next = waiting.poll();
      if (next == null) {
        sending--;
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
