package org.pinpointcds.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;

/**
 * The requests of one round of fetches. Each query is sent as it is, except reads by id ({@code Medication/a}): a
 * call's medicines can name thousands of Medications, so a round reads at most so many (more fail their keys, none
 * is read), and the reads of a type read more than once are made as searches by {@code _id} of at most so many ids.
 */
final class FetchPlan {

  /** A FHIR read: a resource type and an id (FHIR R4 id syntax, which needs no escaping in a search). */
  private static final Pattern READ = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

  private FetchPlan() {}

  /** @throws RequiredDataUnavailableException naming every key that reads by id, when they read more than allowed */
  static List<FetchRequest> of(Map<String, String> queries, FetchSettings settings) {
    List<FetchRequest> requests = new ArrayList<>();
    Map<String, Map<String, List<String>>> keysByIdByType = new LinkedHashMap<>();
    queries.forEach((key, query) -> {
      Matcher read = READ.matcher(query);
      if (read.matches()) {
        keysByIdByType.computeIfAbsent(read.group(1), type -> new LinkedHashMap<>())
            .computeIfAbsent(read.group(2), id -> new ArrayList<>()).add(key);
      } else {
        requests.add(new FetchRequest.AsIs(key, query));
      }
    });
    requireAtMost(settings.maxReads(), keysByIdByType);
    keysByIdByType.forEach((type, keysById) -> requests.addAll(reads(type, keysById, settings.readBatchSize())));
    return requests;
  }

  private static void requireAtMost(int maxReads, Map<String, Map<String, List<String>>> keysByIdByType) {
    int reads = keysByIdByType.values().stream().mapToInt(Map::size).sum();
    if (reads <= maxReads) {
      return;
    }
    Reason why = new Reason(Cause.UNRESOLVED_QUERY,
        "the call reads " + reads + " resources by id, more than the " + maxReads + " Pinpoint reads in one call");
    Map<String, Reason> refused = new LinkedHashMap<>();
    keysByIdByType.values().forEach(keysById -> keysById.values().forEach(
        keys -> keys.forEach(key -> refused.put(key, why))));
    throw new RequiredDataUnavailableException(refused);
  }

  /** One id of a type stays a read, answered as it always was (a missing one is the server's own 404). */
  private static List<FetchRequest> reads(String type, Map<String, List<String>> keysById, int batchSize) {
    if (keysById.size() == 1) {
      return keysById.entrySet().stream().flatMap(read -> read.getValue().stream()
          .<FetchRequest>map(key -> new FetchRequest.AsIs(key, type + "/" + read.getKey()))).toList();
    }
    return batches(keysById, batchSize).stream()
        .<FetchRequest>map(batch -> new FetchRequest.ReadsById(type, batch)).toList();
  }

  private static List<Map<String, List<String>>> batches(Map<String, List<String>> keysById, int size) {
    List<Map<String, List<String>>> batches = new ArrayList<>();
    keysById.forEach((id, keys) -> {
      if (batches.isEmpty() || batches.get(batches.size() - 1).size() == size) {
        batches.add(new LinkedHashMap<>());
      }
      batches.get(batches.size() - 1).put(id, keys);
    });
    return batches;
  }
}
