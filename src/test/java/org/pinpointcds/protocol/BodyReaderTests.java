package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
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
        Result result = read(sent, declared ? length : -1, piece);
        assertThat(result.refusal).as("declared %s, pieces of %d", declared, piece).isNull();
        assertThat(result.body).as("declared %s, pieces of %d", declared, piece).isEqualTo(sent);
      }
    }
  }

  @Test
  void oneBytePastTheCapIsRefusedAsTooLarge() {
    assertThat(read(bytes(CAP + 1), -1, 8192).refusal).isEqualTo(BodyReader.Refusal.TOO_LARGE);
    assertThat(read(bytes(CAP + 1), -1, Integer.MAX_VALUE).refusal).isEqualTo(BodyReader.Refusal.TOO_LARGE);
  }

  @Test
  void aBodyBeyondWhatOtherCallsLeaveOfTheHeapShareIsRefusedAsSpent() {
    HeapShare share = new HeapShare(10 * 1024);
    assertThat(share.charge().received(8 * 1024)).as("another call holds most of the share").isTrue();
    Result result = read(bytes(20 * 1024), 20 * 1024, 4096, share.charge());
    assertThat(result.refusal).isEqualTo(BodyReader.Refusal.SHARE_SPENT);
  }

  private static Result read(byte[] sent, long declared, int piece) {
    return read(sent, declared, piece, new HeapShare(Long.MAX_VALUE / 2).charge());
  }

  private static Result read(byte[] sent, long declared, int piece, HeapShare.Charge charge) {
    Result result = new Result();
    new BodyReader(new Pieces(sent, piece), declared, CAP, charge, result).readAll();
    return result;
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static final class Result implements BodyReader.Outcome {
    byte[] body;
    BodyReader.Refusal refusal;

    @Override
    public void read(byte[] body) {
      this.body = body;
    }

    @Override
    public void refused(BodyReader.Refusal refusal) {
      this.refusal = refusal;
    }
  }

  /** A stream that hands out at most {@code piece} bytes per read, as a socket does. */
  private static final class Pieces extends ServletInputStream {
    private final byte[] bytes;
    private final int piece;
    private int position;

    Pieces(byte[] bytes, int piece) {
      this.bytes = bytes;
      this.piece = piece;
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
      int n = Math.min(Math.min(length, piece), bytes.length - position);
      System.arraycopy(bytes, position, into, offset, n);
      position += n;
      return n;
    }

    @Override
    public boolean isFinished() {
      return position == bytes.length;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
