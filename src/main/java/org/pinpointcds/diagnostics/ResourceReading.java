package org.pinpointcds.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What Pinpoint makes of one resource.
 *
 * @param resource {@code Type/id} as Pinpoint refers to it
 * @param readAs what it was read as (skin-finding, temperature, platelet-count, condition, medication,
 *     cbc-order, patient), or the resource type when it was not read
 * @param decision {@code read}, {@code read-not-used} (read, but the rules leave it out now) or {@code ignored}
 * @param reason why it is not used or ignored: {@code wrong-status}, {@code unknown-code}, {@code unit},
 *     {@code no-value}, {@code no-date}, {@code unclassified-medication}, {@code other-patient},
 *     {@code not-read}, {@code outside-lookback}, {@code not-latest}
 * @param details what was read, what was left out of it, and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceReading(String resource, String readAs, String decision, String reason, List<String> details) {

  public static final String READ = "read";
  public static final String READ_NOT_USED = "read-not-used";
  public static final String IGNORED = "ignored";
}
