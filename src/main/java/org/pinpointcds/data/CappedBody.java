package org.pinpointcds.data;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;

/**
 * A FHIR server's answer read as text through a size cap, counted as its bytes arrive: past the cap (declared in
 * {@code Content-Length}, or received) the subscription is cancelled, which closes the connection, and the fetch
 * fails as a bad response. A huge or endless body never fills the heap; at most the cap is held.
 */
final class CappedBody implements BodySubscriber<String> {

  private final BodySubscriber<String> text;
  private final long maxBytes;
  private final OptionalLong declared;
  private Flow.Subscription subscription;
  private long received;
  private boolean refused;

  private CappedBody(BodySubscriber<String> text, long maxBytes, OptionalLong declared) {
    this.text = text;
    this.maxBytes = maxBytes;
    this.declared = declared;
  }

  /** Reads text in the charset the answer names, as {@link HttpResponse.BodyHandlers#ofString()} does. */
  static HttpResponse.BodyHandler<String> handler(long maxBytes) {
    return response -> new CappedBody(HttpResponse.BodyHandlers.ofString().apply(response), maxBytes,
        response.headers().firstValueAsLong("Content-Length"));
  }

  // The publisher calls these one at a time (Reactive Streams rule 1.3), so the counters need no lock.

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    text.onSubscribe(subscription);
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      refuse();
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (refused) {
      return;
    }
    received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
    if (received > maxBytes) {
      refuse();
    } else {
      text.onNext(buffers);
    }
  }

  @Override
  public void onError(Throwable failure) {
    if (!refused) {
      text.onError(failure);
    }
  }

  @Override
  public void onComplete() {
    if (!refused) {
      text.onComplete();
    }
  }

  @Override
  public CompletionStage<String> getBody() {
    return text.getBody();
  }

  private void refuse() {
    refused = true;
    subscription.cancel();
    text.onError(new FetchFailure(Cause.BAD_RESPONSE,
        "the FHIR server's answer is larger than " + maxBytes + " bytes, the most Pinpoint reads"));
  }
}
