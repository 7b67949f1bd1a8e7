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
  /** A value outside what a body can have: most likely a unit mix-up (contract 5.2, 5.3). */
  IMPLAUSIBLE,
  /** A component whose value cannot be read (contract 5.4). */
  UNREADABLE_COMPONENT,
  /** A request not to give the medicine ({@code doNotPerform}). */
  DO_NOT_PERFORM,
  /** No value where one is needed, or a value of a type that cannot be read. */
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
