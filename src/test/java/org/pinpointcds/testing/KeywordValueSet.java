package org.pinpointcds.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.pinpointcds.terminology.TerminologyLoader;

/** The JSON of a ValueSet of one concept whose keyword designations are the given phrases: a site's list, say. */
public final class KeywordValueSet {

  private KeywordValueSet() {}

  public static String json(String url, String system, String code, List<String> keywords) {
    String designations = keywords.stream()
        .map(k -> "{\"use\":{\"system\":\"" + TerminologyLoader.KEYWORD_USE + "\",\"code\":\"keyword\"},\"value\":\"" + k + "\"}")
        .collect(Collectors.joining(","));
    return "{\"resourceType\":\"ValueSet\",\"url\":\"" + url + "\",\"status\":\"active\",\"compose\":{\"include\":[{"
        + "\"system\":\"" + system + "\",\"concept\":[{\"code\":\"" + code + "\",\"designation\":[" + designations + "]}]}]}}";
  }
}
