package org.pinpointcds.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.pinpointcds.concurrent.Futures;
import org.pinpointcds.protocol.CdsRequest;
import org.pinpointcds.protocol.CdsRequestParser;
import org.pinpointcds.protocol.CdsResponse;
import org.pinpointcds.protocol.CdsServiceHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Runs one synthetic call through every handler at start-up, so that the first clinician does not pay for
 * class loading and HAPI's model scanning. The call is a patient-view one whose context also holds draft orders and
 * selections, so that the order checks warm up on it too.
 */
@Component
class StartupWarmUp implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

  private final List<CdsServiceHandler> handlers;
  private final ObjectMapper mapper;

  StartupWarmUp(List<CdsServiceHandler> handlers, ObjectMapper mapper) {
    this.handlers = handlers;
    this.mapper = mapper;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    long start = System.nanoTime();
    String json;
    try (InputStream in = new ClassPathResource("warmup/patient-view.json").getInputStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${now}", Instant.now().toString());
    }
    CdsRequest request = new CdsRequestParser(mapper).parse(json.getBytes(StandardCharsets.UTF_8));
    for (CdsServiceHandler handler : handlers) {
      mapper.writeValueAsString(new CdsResponse(Futures.valueOf(handler.handle(request))));
    }
    log.info("warmed up {} service(s) in {} ms", handlers.size(), (System.nanoTime() - start) / 1_000_000);
  }
}
