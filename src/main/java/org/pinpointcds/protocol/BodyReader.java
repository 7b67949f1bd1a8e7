package org.pinpointcds.protocol;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request body as its bytes arrive, counting them: beyond the cap it stops (413), and each chunk is charged
 * to the heap share before it is kept (503 when the share is spent). It never waits for bytes on a request thread
 * when the connection can tell it what has arrived: {@link #readArrived} reads what is there, and {@link #readRest}
 * has the container call it as a {@link ReadListener} for the rest, so a slow sender holds no request thread.
 * {@link #readAll} reads in place where the container reads only blocking.
 */
final class BodyReader implements ReadListener {

  /** What becomes of the body: read whole, or refused with a reason. Called once. */
  interface Outcome {

    void read(byte[] body);

    void refused(Refusal refusal);
  }

  /** An outcome kept for the thread that read: the body, or the refusal, or neither while the read goes on. */
  static final class Held implements Outcome {
    private byte[] body;
    private Refusal refusal;

    @Override
    public void read(byte[] body) {
      this.body = body;
    }

    @Override
    public void refused(Refusal refusal) {
      this.refusal = refusal;
    }

    byte[] body() {
      return body;
    }

    Refusal refusal() {
      return refusal;
    }
  }

  /** Why a body was not read to its end. */
  enum Refusal { TOO_LARGE, SHARE_SPENT, UNREADABLE }

  /**
   * The most allotted before a byte has arrived, whatever the declared length: the heap share charges bytes received,
   * so a sender that announces megabytes and trickles must hold no more than this uncharged.
   */
  private static final int FIRST_ALLOTMENT = 16 * 1024;

  private final ServletInputStream in;
  private final long declaredLength;
  private final long maxBytes;
  private final HeapShare.Charge charge;
  /** Told once how the read ended; given by the method that reads. */
  private Outcome outcome;
  /** The body so far, read straight into it: a declared body that arrives whole is handed over without a copy. */
  private byte[] body;
  private int size;
  private boolean ended;

  /** @param declaredLength the Content-Length, or -1 (chunked) */
  BodyReader(ServletInputStream in, long declaredLength, long maxBytes, HeapShare.Charge charge) {
    this.in = in;
    this.declaredLength = declaredLength;
    this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    this.charge = charge;
    this.body = new byte[(int) (declaredLength < 0 ? FIRST_ALLOTMENT : Math.min(declaredLength, FIRST_ALLOTMENT))];
  }

  /** Reads to the end on this thread, blocking while the bytes arrive. */
  void readAll(Outcome outcome) {
    this.outcome = outcome;
    try {
      for (int n = readSome(); n >= 0 && !ended; n = readSome()) {
        keep(n);
      }
      onAllDataRead();
    } catch (IOException e) {
      onError(e);
    }
  }

  /**
   * Reads on this thread what of a declared body has already reached the connection, never waiting for more: true
   * when the read ended (the outcome told), false when the rest is still to come ({@link #readRest}). A chunked body
   * is left whole to the listener, since reading a partly arrived chunk header would wait.
   */
  boolean readArrived(UnreadBody connection, Outcome outcome) {
    if (declaredLength < 0) {
      return false;
    }
    this.outcome = outcome;
    try {
      while (!ended && size < declaredLength) {
        if (in.available() == 0 && !connection.arrived()) {
          return false;
        }
        int n = readSome();
        if (n < 0) {
          break;
        }
        keep(n);
      }
      onAllDataRead();
    } catch (IOException e) {
      onError(e);
    }
    return true;
  }

  /** Has the container read the rest as it arrives, telling {@code outcome} once it has ended. */
  synchronized void readRest(Outcome outcome) {
    this.outcome = outcome;
    in.setReadListener(this);
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (!ended && in.isReady()) {
      int n = readSome();
      if (n < 0) {
        return; // onAllDataRead follows
      }
      keep(n);
    }
  }

  @Override
  public synchronized void onAllDataRead() {
    if (!ended) {
      ended = true;
      outcome.read(size == body.length ? body : Arrays.copyOf(body, size));
    }
  }

  @Override
  public synchronized void onError(Throwable failure) {
    end(Refusal.UNREADABLE);
  }

  /** Reads what has arrived into the room left, making room first: -1 at the end of the body. */
  private int readSome() throws IOException {
    if (size == body.length) {
      if (size == declaredLength && in.isFinished()) {
        return -1;
      }
      // Doubling, up to the declared length while it lasts, and to one byte past the cap: that byte is a 413.
      long room = declaredLength > size ? declaredLength : maxBytes + 1;
      body = Arrays.copyOf(body, (int) Math.min(Math.max(2L * size, size + 1L), Math.min(room, maxBytes + 1)));
    }
    return in.read(body, size, body.length - size);
  }

  private void keep(int n) {
    if (size + (long) n > maxBytes) {
      end(Refusal.TOO_LARGE);
    } else if (!charge.received(size + (long) n)) {
      end(Refusal.SHARE_SPENT);
    } else {
      size += n;
    }
  }

  private void end(Refusal refusal) {
    if (!ended) {
      ended = true;
      outcome.refused(refusal);
    }
  }
}
