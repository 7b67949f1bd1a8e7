package org.pinpointcds.data;

import org.pinpointcds.triage.Coded;

/** Why the data layer did not read a resource. */
public enum Ignored implements Coded {
  /** A status (or clinical or verification status) that does not count. */
  WRONG_STATUS,
  /** A code in none of the value sets Pinpoint reads (and no keyword in its text). */
  UNKNOWN_CODE,
  /** A unit Pinpoint does not convert. */
  UNIT,
  /** No value where one is needed. */
  NO_VALUE,
  /** No date to hold against a look-back. */
  NO_DATE,
  /** A medicine in none of Pinpoint's drug classes. */
  UNCLASSIFIED_MEDICATION,
  /** A Patient other than the one the call is about. */
  OTHER_PATIENT,
  /** A resource type Pinpoint does not read. */
  NOT_READ
}
