package org.pinpointcds.ops;

import java.util.Map;
import org.pinpointcds.terminology.Terminology;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** {@code /actuator/info}: the version of every value set and code system loaded, by canonical URL. */
final class TerminologyInfo implements InfoContributor {

  private final Terminology terminology;

  TerminologyInfo(Terminology terminology) {
    this.terminology = terminology;
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("terminology", Map.of("valueSets", terminology.valueSetCount(),
        "versions", terminology.versions()));
  }
}
