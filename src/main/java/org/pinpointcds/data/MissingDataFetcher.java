package org.pinpointcds.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Runs prefetch queries the client did not satisfy against its FHIR server. */
public interface MissingDataFetcher {

  /**
   * Fetches every query (prefetch key to relative URL, tokens already resolved) without holding the calling
   * thread while the FHIR server answers.
   *
   * @return each key's resources, with every page of a searchset; or a failure, a
   *     {@link RequiredDataUnavailableException} naming every key that could not be fetched and why
   */
  CompletableFuture<Map<String, List<IBaseResource>>> fetch(FhirAccess access, Map<String, String> queries);
}
