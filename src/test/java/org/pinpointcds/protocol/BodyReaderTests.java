package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is kept byte for byte whatever its size and however it arrives (declared or chunked, whole or in pieces,
 * across the reader's growth steps), and one byte past the cap is a refusal, not a longer body.
 */
class BodyReaderTests {

  private static final int CAP = 200_000;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 34_717, 64 * 1024, 64 * 1024 + 1, CAP})
  void everyByteIsKeptDeclaredOrChunkedWholeOrInPieces(int length) {
    byte[] sent = bytes(length);
    for (boolean declared : new boolean[] {true, false}) {
      for (int piece : new int[] {1, 1000, 8192, Integer.MAX_VALUE}) {
        BodyReader.Held result = read(sent, declared ? length : -1, piece);
        assertThat(result.refusal()).as("declared %s, pieces of %d", declared, piece).isNull();
        assertThat(result.body()).as("declared %s, pieces of %d", declared, piece).isEqualTo(sent);
      }
    }
  }

  @Test
  void oneBytePastTheCapIsRefusedAsTooLarge() {
    assertThat(read(bytes(CAP + 1), -1, 8192).refusal()).isEqualTo(BodyReader.Refusal.TOO_LARGE);
    assertThat(read(bytes(CAP + 1), -1, Integer.MAX_VALUE).refusal()).isEqualTo(BodyReader.Refusal.TOO_LARGE);
  }

  @Test
  void aBodyBeyondWhatOtherCallsLeaveOfTheHeapShareIsRefusedAsSpent() {
    HeapShare share = new HeapShare(10 * 1024);
    assertThat(share.charge().received(8 * 1024)).as("another call holds most of the share").isTrue();
    BodyReader.Held result = read(bytes(20 * 1024), 20 * 1024, 4096, share.charge());
    assertThat(result.refusal()).isEqualTo(BodyReader.Refusal.SHARE_SPENT);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16 * 1024, 34_717, CAP})
  void aDeclaredBodyThatHasArrivedWholeIsReadOnTheRequestsThread(int length) {
    byte[] sent = bytes(length);
    for (int piece : new int[] {1, 8192, Integer.MAX_VALUE}) {
      Pieces in = new Pieces(sent, piece, length);
      BodyReader.Held result = new BodyReader.Held();
      boolean ended = new BodyReader(in, length, CAP, unlimited()).readArrived(in, result);
      assertThat(ended).as("pieces of %d", piece).isTrue();
      assertThat(result.body()).as("pieces of %d", piece).isEqualTo(sent);
    }
  }

  @Test
  void aBodyStillArrivingIsReadAsFarAsItCameThenByTheListenerKeepingEveryByte() {
    byte[] sent = bytes(34_717);
    Pieces in = new Pieces(sent, 8192, 20_000);
    BodyReader reader = new BodyReader(in, sent.length, CAP, unlimited());
    BodyReader.Held result = new BodyReader.Held();
    assertThat(reader.readArrived(in, result)).as("the rest has not arrived").isFalse();
    assertThat(result.body()).as("nothing told yet").isNull();
    assertThat(result.refusal()).isNull();
    assertThat(in.position).as("read as far as it came, no further").isEqualTo(20_000);

    reader.readRest(result);
    in.arrive(sent.length);
    assertThat(in.listener).isSameAs(reader);
    drain(reader, in);
    assertThat(result.body()).isEqualTo(sent);
  }

  @Test
  void aChunkedBodyIsLeftWholeToTheListener() {
    byte[] sent = bytes(5000);
    Pieces in = new Pieces(sent, 8192, sent.length);
    BodyReader reader = new BodyReader(in, -1, CAP, unlimited());
    BodyReader.Held result = new BodyReader.Held();
    assertThat(reader.readArrived(in, result)).isFalse();
    assertThat(in.position).as("a partly arrived chunk header would wait").isZero();
    reader.readRest(result);
    drain(reader, in);
    assertThat(result.body()).isEqualTo(sent);
  }

  @Test
  void aBodyBeyondTheHeapShareIsRefusedOnTheRequestsThreadToo() {
    HeapShare share = new HeapShare(10 * 1024);
    assertThat(share.charge().received(8 * 1024)).isTrue();
    byte[] sent = bytes(20 * 1024);
    Pieces in = new Pieces(sent, 4096, sent.length);
    BodyReader.Held result = new BodyReader.Held();
    assertThat(new BodyReader(in, sent.length, CAP, share.charge()).readArrived(in, result)).isTrue();
    assertThat(result.refusal()).isEqualTo(BodyReader.Refusal.SHARE_SPENT);
  }

  /** What the container does for a read listener once the rest has arrived. */
  private static void drain(BodyReader reader, Pieces in) {
    try {
      reader.onDataAvailable();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(in.isFinished()).isTrue();
    reader.onAllDataRead();
  }

  private static HeapShare.Charge unlimited() {
    return new HeapShare(Long.MAX_VALUE / 2).charge();
  }

  private static BodyReader.Held read(byte[] sent, long declared, int piece) {
    return read(sent, declared, piece, new HeapShare(Long.MAX_VALUE / 2).charge());
  }

  private static BodyReader.Held read(byte[] sent, long declared, int piece, HeapShare.Charge charge) {
    BodyReader.Held result = new BodyReader.Held();
    new BodyReader(new Pieces(sent, piece, sent.length), declared, CAP, charge).readAll(result);
    return result;
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  /**
   * A connection's stream that hands out at most {@code piece} bytes per read, as a socket does, of the bytes that have
   * arrived so far; reading past them would wait, which the reader must never do where it was told not to.
   */
  private static final class Pieces extends ServletInputStream implements UnreadBody {
    private final byte[] bytes;
    private final int piece;
    private int arrived;
    private int position;
    private ReadListener listener;

    Pieces(byte[] bytes, int piece, int arrived) {
      this.bytes = bytes;
      this.piece = piece;
      this.arrived = arrived;
    }

    void arrive(int upTo) {
      arrived = upTo;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (position == bytes.length) {
        return -1;
      }
      assertThat(position).as("a read that would wait for bytes not yet arrived").isLessThan(arrived);
      int n = Math.min(Math.min(length, piece), arrived - position);
      System.arraycopy(bytes, position, into, offset, n);
      position += n;
      return n;
    }

    /** Nothing buffered: every piece is fetched by {@link #arrived}, as Tomcat's non-blocking fill does. */
    @Override
    public int available() {
      return 0;
    }

    @Override
    public boolean arrived() {
      return position < arrived;
    }

    @Override
    public void abandon() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isFinished() {
      return position == bytes.length;
    }

    @Override
    public boolean isReady() {
      return position < arrived;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      this.listener = listener;
    }
  }
}
