package org.pinpointcds.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
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
    // The servlet container closes the stream once the call is answered, as it does for Spring's converters.
    this.writer = mapper.writerFor(CdsResponse.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  void write(CdsResponse answer, HttpServletResponse response) throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    writer.writeValue(response.getOutputStream(), answer);
  }
}
