package org.pinpointcds.protocol;

import org.springframework.http.HttpStatus;

/** A request the protocol refuses: 400, 403, 404 or 413, with a message that says what is wrong. */
public final class ProtocolException extends RuntimeException {

  private final HttpStatus status;

  private ProtocolException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ProtocolException badRequest(String message) {
    return new ProtocolException(HttpStatus.BAD_REQUEST, message);
  }

  public static ProtocolException forbidden(String message) {
    return new ProtocolException(HttpStatus.FORBIDDEN, message);
  }

  /** More than the service takes in one call (413): the limit is named, so that the client can split its call. */
  public static ProtocolException tooLarge(String message) {
    return new ProtocolException(HttpStatus.PAYLOAD_TOO_LARGE, message);
  }

  public static ProtocolException unknownService(String id) {
    return new ProtocolException(HttpStatus.NOT_FOUND, "no CDS service with id '" + id + "' (see GET /cds-services)");
  }

  public HttpStatus status() {
    return status;
  }
}
