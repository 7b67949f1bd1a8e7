package org.pinpointcds.feedback;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /feedback-report}: acceptance and override rates per card topic, and the override reasons chosen. */
@RestController
public final class FeedbackReportController {

  public static final String PATH = "/feedback-report";

  private final FeedbackReporter reporter;

  FeedbackReportController(FeedbackReporter reporter) {
    this.reporter = reporter;
  }

  @GetMapping(PATH)
  FeedbackReport report() {
    return reporter.report();
  }
}
