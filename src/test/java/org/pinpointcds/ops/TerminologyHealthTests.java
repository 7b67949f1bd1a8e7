package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.pinpointcds.terminology.TerminologyLoader;
import org.springframework.boot.actuate.health.Status;

/** Without value sets no finding is recognised and no card fires: not ready. */
class TerminologyHealthTests {

  @Test
  void noValueSetLoadedIsDown() {
    TerminologyHealth health = new TerminologyHealth(new TerminologyLoader(FhirContext.forR4Cached()).build());

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("valueSets", 0);
  }
}
