package org.pinpointcds.storage;

import java.sql.SQLException;
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
 * drop and every thousandth after it): a clinician's hook call never waits for the database.
 *
 * <p>A batch the database refuses is written again record by record, so that one bad record (a NUL on PostgreSQL)
 * loses only itself; each record refused alone is counted and logged without its content. While the database
 * cannot be reached nothing is lost: the records stay queued (the queue's bound still holds) and are written once
 * it is back. {@link #close} writes what is left, so a normal shutdown loses nothing; a {@code kill -9} loses what
 * is queued and the batch being written.
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
  private final AtomicLong refused = new AtomicLong();
  /** The records of a batch that met a database outage, written first once it is back. */
  private final List<T> held = new ArrayList<>();
  private boolean databaseAway;

  /** A writer of the size Pinpoint uses: 10,000 records queued at most, written every 200 ms, 500 a batch. */
  public static <T> BatchWriter<T> standard(String name, Consumer<List<T>> sink) {
    return new BatchWriter<>(name, CAPACITY, BATCH_SIZE, INTERVAL, sink);
  }

  /** @param sink writes one batch, all or nothing ({@link InOneTransaction}); called on one thread at a time */
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
    writing = scheduler.scheduleWithFixedDelay(this::flushInBackground, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
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

  /**
   * Writes everything queued before the call; a record taken by a concurrent flush is written before this returns.
   *
   * @throws RuntimeException the database cannot be reached ({@link DatabaseOutage}); what is not written stays queued
   */
  public synchronized void flush() {
    List<T> batch = new ArrayList<>(held);
    held.clear();
    boolean wrote = false;
    while (!batch.isEmpty() || queue.drainTo(batch, batchSize) > 0) {
      write(batch);
      batch.clear();
      wrote = true;
    }
    if (databaseAway && wrote) {
      databaseAway = false;
      log.info("{}: the database answers again; the records held meanwhile are written", name);
    }
  }

  /** Records lost because the database refused them, each alone. */
  public long refused() {
    return refused.get();
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
    flushInBackground();
    synchronized (this) {
      if (!held.isEmpty() || !queue.isEmpty()) {
        log.error("{}: {} record(s) could not be written before shutdown and are lost", name, held.size() + queue.size());
      }
    }
  }

  private void write(List<T> batch) {
    try {
      sink.accept(batch);
      return;
    } catch (RuntimeException e) {
      holdIfAway(batch, e);
    }
    for (int i = 0; i < batch.size(); i++) {
      try {
        sink.accept(List.of(batch.get(i)));
      } catch (RuntimeException e) {
        holdIfAway(batch.subList(i, batch.size()), e);
        long count = refused.incrementAndGet();
        // The database's message may quote the record (a patient id): only its kind is logged.
        log.error("{}: the database refused a record, which is lost ({} so far): {}", name, count, kindOf(e));
      }
    }
  }

  /** Keeps {@code unwritten} and rethrows when {@code failure} is an outage: retrying record by record would not help. */
  private void holdIfAway(List<T> unwritten, RuntimeException failure) {
    if (!DatabaseOutage.is(failure)) {
      return;
    }
    held.addAll(unwritten);
    if (!databaseAway) {
      databaseAway = true;
      log.warn("{}: the database cannot be reached ({}); records stay queued, {} of them now", name, kindOf(failure),
          queue.size() + held.size());
    }
    throw failure;
  }

  private void flushInBackground() {
    try {
      flush();
    } catch (RuntimeException e) {
      // an outage, logged when it began; the records wait for the next interval
    }
  }

  private static String kindOf(Throwable failure) {
    String kind = failure.getClass().getSimpleName();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return kind + ", SQLSTATE " + sql.getSQLState();
      }
    }
    return kind;
  }
}
