package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * Writes a hook call's answer as JSON straight to the response, with a writer prepared once for
 * {@link CdsResponse}: Spring MVC's message converters (content negotiation, body advice, a writer looked up per call)
 * cost about as much as the serialising itself, on every chart opened. The JSON is the application's mapper's.
 */
final class AnswerWriter {

  private final ObjectWriter writer;

  AnswerWriter(ObjectMapper mapper) {
    this.writer = mapper.writerFor(CdsResponse.class);
  }

  /**
   * The answer goes out whole, with its Content-Length, in one write: streamed, Jackson's closing flush committed
   * the response early as a chunked one, and the last chunk took a second write on every call.
   */
  void write(CdsResponse answer, HttpServletResponse response) throws IOException {
    byte[] json = writer.writeValueAsBytes(answer);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
