package org.pinpointcds.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The queue between the hook path and the database: batches, flushes, drops when full, never blocks, loses only the
 * records the database refuses, and none while it is away.
 */
class BatchWriterTests {

  private static final Duration NEVER = Duration.ofHours(1);

  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

  @Test
  void writesNothingUntilFlushedThenEverythingInBatches() {
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 2, NEVER, batch -> batches.add(List.copyOf(batch)))) {
      for (int i = 1; i <= 5; i++) {
        writer.offer(i);
      }
      assertThat(batches).isEmpty();

      writer.flush();

      assertThat(batches).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }
  }

  @Test
  void writesOnItsOwnEveryInterval() throws InterruptedException {
    CountDownLatch written = new CountDownLatch(1);
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 10, Duration.ofMillis(20), batch -> written.countDown())) {
      writer.offer(1);

      assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void dropsAndCountsWhatAFullQueueCannotHoldWithoutBlocking() {
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 3, 10, NEVER, batch -> batches.add(List.copyOf(batch)))) {
      long started = System.nanoTime();
      for (int i = 1; i <= 1000; i++) {
        writer.offer(i);
      }

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(writer.dropped()).isEqualTo(997);
      writer.flush();
      assertThat(batches).containsExactly(List.of(1, 2, 3));
    }
  }

  @Test
  void writesWhatIsLeftWhenClosed() {
    BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 10, NEVER, batch -> batches.add(List.copyOf(batch)));
    writer.offer(7);

    writer.close();

    assertThat(batches).containsExactly(List.of(7));
  }

  @Test
  void writesTheOtherRecordsOfARefusedBatchOneByOne() {
    List<Integer> written = new ArrayList<>();
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 10, NEVER, batch -> {
      if (batch.contains(2)) {
        throw new DataIntegrityViolationException("refused");
      }
      written.addAll(batch);
    })) {
      writer.offer(1);
      writer.offer(2);
      writer.offer(3);

      writer.flush();

      assertThat(written).containsExactly(1, 3);
      assertThat(writer.refused()).isEqualTo(1);
    }
  }

  @Test
  void keepsEveryRecordWhileTheDatabaseIsAwayAndWritesThemOnceItIsBack() {
    List<Integer> written = new ArrayList<>();
    AtomicBoolean away = new AtomicBoolean(true);
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 2, NEVER, batch -> {
      if (away.get()) {
        throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 1500ms");
      }
      written.addAll(batch);
    })) {
      for (int i = 1; i <= 5; i++) {
        writer.offer(i);
      }

      assertThatThrownBy(writer::flush).isInstanceOf(CannotGetJdbcConnectionException.class);
      away.set(false);
      writer.flush();

      assertThat(written).containsExactly(1, 2, 3, 4, 5);
      assertThat(writer.refused()).isZero();
    }
  }

  @Test
  void goesOnAfterABatchFailsToWrite() {
    List<Integer> written = new ArrayList<>();
    try (BatchWriter<Integer> writer = new BatchWriter<>("test", 100, 1, NEVER, batch -> {
      if (batch.contains(1)) {
        throw new IllegalStateException("database down");
      }
      written.addAll(batch);
    })) {
      writer.offer(1);
      writer.offer(2);
      writer.flush();

      assertThat(written).containsExactly(2);
    }
  }
}
