package org.pinpointcds.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as JDBC binds them to {@code timestamp with time zone} on H2 and PostgreSQL alike. */
public final class Timestamps {

  private Timestamps() {}

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
