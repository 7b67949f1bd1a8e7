package org.pinpointcds.protocol;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads a request body as its bytes arrive, counting them: beyond the cap it stops (413), and each chunk is charged
 * to the heap share before it is kept (503 when the share is spent). As a {@link ReadListener} it reads only what has
 * arrived and never waits for more, so a slow sender holds no request thread; {@link #readAll} reads in place where
 * the container reads only blocking.
 */
final class BodyReader implements ReadListener {

  /** What becomes of the body: read whole, or refused with a reason. Called once. */
  interface Outcome {

    void read(byte[] body);

    void refused(Refusal refusal);
  }

  /** Why a body was not read to its end. */
  enum Refusal { TOO_LARGE, SHARE_SPENT, UNREADABLE }

  private static final int CHUNK = 16 * 1024;

  private final ServletInputStream in;
  private final long maxBytes;
  private final HeapShare.Charge charge;
  private final Outcome outcome;
  private final ByteArrayOutputStream body;
  private final byte[] chunk = new byte[CHUNK];
  private boolean ended;

  /** @param declaredLength the Content-Length, or -1 (chunked) */
  BodyReader(ServletInputStream in, long declaredLength, long maxBytes, HeapShare.Charge charge, Outcome outcome) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.charge = charge;
    this.outcome = outcome;
    // Room for what is declared, up to a chunk: a sender that announces megabytes gets them allotted only as they arrive.
    this.body = new ByteArrayOutputStream((int) Math.max(32, Math.min(CHUNK, declaredLength)));
  }

  /** Reads to the end on this thread, blocking while the bytes arrive. */
  void readAll() {
    try {
      for (int n = in.read(chunk); n >= 0 && !ended; n = in.read(chunk)) {
        keep(n);
      }
      onAllDataRead();
    } catch (IOException e) {
      onError(e);
    }
  }

  @Override
  public synchronized void onDataAvailable() throws IOException {
    while (!ended && in.isReady()) {
      int n = in.read(chunk);
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
      outcome.read(body.toByteArray());
    }
  }

  @Override
  public synchronized void onError(Throwable failure) {
    end(Refusal.UNREADABLE);
  }

  private void keep(int n) {
    if (body.size() + (long) n > maxBytes) {
      end(Refusal.TOO_LARGE);
    } else if (!charge.received(body.size() + (long) n)) {
      end(Refusal.SHARE_SPENT);
    } else {
      body.write(chunk, 0, n);
    }
  }

  private void end(Refusal refusal) {
    if (!ended) {
      ended = true;
      outcome.refused(refusal);
    }
  }
}
