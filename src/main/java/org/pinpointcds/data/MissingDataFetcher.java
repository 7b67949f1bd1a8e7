package org.pinpointcds.data;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Runs prefetch queries the client did not satisfy against its FHIR server. */
public interface MissingDataFetcher {

  /**
   * Fetches every query (prefetch key to relative URL, tokens already resolved).
   *
   * @return each key's resources, with every page of a searchset
   * @throws RequiredDataUnavailableException naming every key that could not be fetched and why
   */
  Map<String, List<IBaseResource>> fetch(FhirAccess access, Map<String, String> queries);
}
