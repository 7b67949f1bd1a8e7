package org.pinpointcds.protocol;

import jakarta.servlet.ServletRequest;

/**
 * Who made a CDS call: the verified {@code iss} of its JWT, or {@code anonymous} where no JWT was needed.
 * Authentication leaves it on the request; feedback and the audit trail record it.
 */
public record CallingClient(String id) {

  public static final CallingClient ANONYMOUS = new CallingClient("anonymous");
  private static final String ATTRIBUTE = CallingClient.class.getName();

  /** The client of a request; anonymous when authentication named none. */
  public static CallingClient of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof CallingClient client ? client : ANONYMOUS;
  }

  public void attachTo(ServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }
}
