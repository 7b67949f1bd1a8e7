package org.pinpointcds.sandboxpage;

import java.time.Clock;
import org.pinpointcds.security.BuiltInClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code /sandbox} page: its static files (plain HTML, CSS and JavaScript under {@code classpath:/sandbox/}, no
 * build step) and the built-in client it signs its calls as. Only {@code /sandbox/**} is mapped to files; any other
 * unknown path stays a 404 OperationOutcome.
 */
@Configuration(proxyBeanMethods = false)
@SandboxPageEnabled
class SandboxPageConfiguration implements WebMvcConfigurer {

  static final String PATH = "/sandbox";
  static final String FILES = "classpath:/sandbox/";
  static final String CLIENT_ISSUER = "http://localhost/sandbox";

  private static final Logger log = LoggerFactory.getLogger(SandboxPageConfiguration.class);

  @Bean
  static BuiltInClient sandboxClient(Clock clock) {
    return new BuiltInClient(CLIENT_ISSUER, clock);
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "/**").addResourceLocations(FILES).setCacheControl(CacheControl.noCache());
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    log.info("EHR simulator at {} (embedded defaults only; off with pinpoint.sandbox.enabled=false). Where JWT"
        + " verification is on, it signs its calls as the built-in client {}", PATH, CLIENT_ISSUER);
  }
}
