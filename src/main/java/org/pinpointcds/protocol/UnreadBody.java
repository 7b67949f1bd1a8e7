package org.pinpointcds.protocol;

import jakarta.servlet.ServletRequest;

/**
 * The part of a body still on the connection. Given up, the connection closes after the answer instead of reading the
 * rest of the body to reuse it, which would hold a request thread for as long as a slow sender takes. Left on every
 * request by {@link UnreadBodyValve}; absent where the request does not come through Tomcat's connector (MockMvc).
 */
interface UnreadBody {

  String ATTRIBUTE = UnreadBody.class.getName();

  void abandon();

  /** Reads into the connection's buffer, without waiting, what of the body has reached it: true when some has. */
  boolean arrived();

  static UnreadBody of(ServletRequest request) {
    return (UnreadBody) request.getAttribute(ATTRIBUTE);
  }
}
