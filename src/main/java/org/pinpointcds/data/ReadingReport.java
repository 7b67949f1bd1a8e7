package org.pinpointcds.data;

import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Resource;

/**
 * Hears the data layer's decisions as it reads, resource by resource: what it read, what it ignored and why,
 * and parts of a read resource it left out. The normal path passes {@link #NONE}, which does nothing; the
 * diagnostics endpoint passes a recorder. Readers report with values they built anyway, and say why in words only
 * when asked ({@code detail} is a supplier), so listening costs the normal path nothing but the calls.
 */
public interface ReadingReport {

  ReadingReport NONE = new ReadingReport() {};

  /**
   * A resource was read.
   *
   * @param item what it became: a triage record (SkinFinding, Temperature, PlateletCount, ConditionEntry,
   *     MedicationUse, CbcOrder), the patient's birth date ({@code Optional<LocalDate>}) for a Patient, or the
   *     Medication itself for a Medication (read through the statements and requests that name it)
   */
  default void read(Resource resource, Object item) {}

  /** A resource was not read. */
  default void ignored(Resource resource, Ignored why, Supplier<String> detail) {}

  /** Part of a resource was left out (a component, a medication reference), or something about it to know. */
  default void note(Resource resource, Supplier<String> detail) {}

  /** What became of a prefetch key: its data, "no data", or missing (with what Pinpoint would do). */
  default void prefetchKey(String key, String status) {}
}
