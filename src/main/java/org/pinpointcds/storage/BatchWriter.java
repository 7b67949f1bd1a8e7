package org.pinpointcds.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes records off the request thread: {@link #offer} only queues, and a background thread writes what is
 * queued in batches every interval. When the queue is full a record is dropped, counted and logged (the first
 * drop and every thousandth after it): a clinician's hook call never waits for the database. A batch that fails
 * to write is logged and dropped, not retried. {@link #close} writes what is left, so a normal shutdown loses
 * nothing.
 */
public final class BatchWriter<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
  private static final int DROP_LOG_EVERY = 1000;
  /** About a minute of records at 150 hook calls a second while the database is slow; beyond that, drops. */
  private static final int CAPACITY = 10_000;
  private static final int BATCH_SIZE = 500;
  private static final Duration INTERVAL = Duration.ofMillis(200);

  private final String name;
  private final BlockingQueue<T> queue;
  private final int batchSize;
  private final Consumer<List<T>> sink;
  private final ScheduledExecutorService scheduler;
  private final ScheduledFuture<?> writing;
  private final AtomicLong dropped = new AtomicLong();

  /** A writer of the size Pinpoint uses: 10,000 records queued at most, written every 200 ms, 500 a batch. */
  public static <T> BatchWriter<T> standard(String name, Consumer<List<T>> sink) {
    return new BatchWriter<>(name, CAPACITY, BATCH_SIZE, INTERVAL, sink);
  }

  /** @param sink writes one batch; called on one thread at a time */
  public BatchWriter(String name, int capacity, int batchSize, Duration interval, Consumer<List<T>> sink) {
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.sink = sink;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "pinpoint-" + name + "-writer");
      thread.setDaemon(true);
      return thread;
    });
    writing = scheduler.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues a record; never blocks. */
  public void offer(T record) {
    if (!queue.offer(record)) {
      long count = dropped.incrementAndGet();
      if (count % DROP_LOG_EVERY == 1) {
        log.warn("{} queue is full ({} records): {} record(s) dropped so far", name, queue.size(), count);
      }
    }
  }

  /** Writes everything queued before the call; a record taken by a concurrent flush is written before this returns. */
  public synchronized void flush() {
    List<T> batch = new ArrayList<>(batchSize);
    while (queue.drainTo(batch, batchSize) > 0) {
      try {
        sink.accept(batch);
      } catch (RuntimeException e) {
        log.error("{}: {} record(s) could not be written and are lost: {}", name, batch.size(), e.getMessage());
      }
      batch.clear();
    }
  }

  /**
   * Whether the background thread still writes: an Error thrown by a batch (a {@code StackOverflowError}, a class
   * that fails to load) ends the schedule silently, and from then on every record queued would be dropped.
   */
  public boolean isAlive() {
    return !writing.isDone();
  }

  public String name() {
    return name;
  }

  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
