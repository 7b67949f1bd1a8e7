package org.pinpointcds.protocol;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Never lets an unread body hold a request thread. After a refusal that left the body unread (a 401 before the
 * body, a 404, a 413 on a declared length), Tomcat would read the rest of it to reuse the connection, blocking for
 * as long as the sender trickles it; this valve has it close the connection instead. Calls answered
 * asynchronously give their body up through {@link UnreadBody}, which it leaves on the request, and read through it
 * what has arrived without waiting.
 */
final class UnreadBodyValve extends ValveBase {

  UnreadBodyValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    request.setAttribute(UnreadBody.ATTRIBUTE, new ConnectionBody(request, response));
    getNext().invoke(request, response);
    if (!request.isAsync() && response.getStatus() >= 400 && !fullyRead(request)) {
      abandon(request, response);
    }
  }

  private static boolean fullyRead(Request request) {
    AtomicBoolean fullyRead = new AtomicBoolean();
    request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
    return fullyRead.get();
  }

  private record ConnectionBody(Request request, Response response) implements UnreadBody {

    @Override
    public void abandon() {
      UnreadBodyValve.abandon(request, response);
    }

    /** Tomcat's non-blocking fill: what a read listener would be offered, asked for on the request's own thread. */
    @Override
    public boolean arrived() {
      request.getCoyoteRequest().action(ActionCode.AVAILABLE, Boolean.TRUE);
      return request.getCoyoteRequest().getAvailable() > 0;
    }
  }

  /** No draining, the connection closed after the answer; the answer written is the error report (none is added). */
  private static void abandon(Request request, Response response) {
    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    response.setErrorReported();
  }
}
