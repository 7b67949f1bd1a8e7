package org.pinpointcds.protocol;

import jakarta.servlet.ServletRequest;

/**
 * A connection's unread body given up: the connection closes after the answer instead of reading the rest of the
 * body to reuse it, which would hold a request thread for as long as a slow sender takes. Left on every request by
 * {@link UnreadBodyValve}; absent where the request does not come through Tomcat's connector (MockMvc).
 */
@FunctionalInterface
interface UnreadBody {

  String ATTRIBUTE = UnreadBody.class.getName();

  void abandon();

  static UnreadBody of(ServletRequest request) {
    return (UnreadBody) request.getAttribute(ATTRIBUTE);
  }
}
