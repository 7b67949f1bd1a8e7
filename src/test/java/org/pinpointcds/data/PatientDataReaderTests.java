package org.pinpointcds.data;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.PatientSnapshot;

/** Prefetch semantics (contract section 2): no data, failed prefetch, extra content, fetching what is missing. */
class PatientDataReaderTests {

  private static final ObjectNode PETECHIAE = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).json();

  @Nested
  class NoData {

    @Test
    void aKeySentAsNullMeansNoData() {
      HookRequest request = HookRequest.forAdult();
      HookRequest.KEYS.forEach(request::nullKey);
      PatientSnapshot snapshot = DataLayer.snapshot(request);
      assertThat(snapshot.skinFindings()).isEmpty();
      assertThat(snapshot.birthDate()).isEmpty();
    }

    @Test
    void anEmptyBundleMeansNoData() {
      assertThat(DataLayer.snapshot(HookRequest.forAdult()).skinFindings()).isEmpty();
    }
  }

  @Nested
  class BundleContent {

    @Test
    void searchWarningsInABundleAreNotData() {
      HookRequest request = HookRequest.forAdult()
          .add("skinFindings", PETECHIAE.deepCopy(), Fhir.operationOutcome("_sort=-date was ignored"));
      assertThat(DataLayer.snapshot(request).skinFindings()).hasSize(1);
    }

    @Test
    void extraResourcesInABundleDoNotGetInTheWay() {
      HookRequest request = HookRequest.forAdult().add("skinFindings", Fhir.resource("Practitioner", "dr-1"),
          PETECHIAE.deepCopy(), Fhir.resource("Encounter", "enc-1").put("status", "finished"));
      assertThat(DataLayer.snapshot(request).skinFindings()).hasSize(1);
    }


    @Test
    void aSingleResourceMayStandInsteadOfABundle() {
      assertThat(DataLayer.snapshot(HookRequest.forAdult().prefetch("skinFindings", PETECHIAE.deepCopy())).skinFindings())
          .hasSize(1);
    }
  }

  @Nested
  class RequiredDataUnavailable {

    @Test
    void aMissingKeyWithoutAServerIsUnavailableAndNamed() {
      assertThatThrownBy(() -> DataLayer.snapshot(HookRequest.forAdult().without("plateletCounts")))
          .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
              e -> assertThat(e.reasonsByKey()).containsOnlyKeys("plateletCounts"));
    }

    /** Contract 5.7: the pages after the first are required data too. */
    @Test
    void aPagedPrefetchWithoutAServerIsUnavailableAndNamed() {
      HookRequest request = HookRequest.forAdult().add("skinFindings", PETECHIAE.deepCopy());
      ((ObjectNode) request.json().at("/prefetch/skinFindings")).putArray("link").addObject()
          .put("relation", "next").put("url", Fhir.EHR + "Observation?page=2");
      assertThatThrownBy(() -> DataLayer.snapshot(request))
          .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
              e -> assertThat(e.reasonsByKey()).containsOnlyKeys("skinFindings"));
    }

    @Test
    void aFailedPrefetchWithoutAServerIsUnavailableAndNamed() {
      HookRequest request = HookRequest.forAdult().prefetch("conditions", Fhir.operationOutcome("timeout"));
      assertThatThrownBy(() -> DataLayer.snapshot(request))
          .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
              e -> assertThat(e.reasonsByKey()).containsOnlyKeys("conditions"));
    }
  }

  @Nested
  class Fetching {

    private final Map<String, String> asked = new LinkedHashMap<>();
    private final List<FhirAccess> accesses = new ArrayList<>();

    private final MissingDataFetcher server = (access, queries) -> {
      accesses.add(access);
      asked.putAll(queries);
      Map<String, List<IBaseResource>> found = new LinkedHashMap<>();
      queries.keySet().forEach(key -> found.put(key, List.of()));
      found.put("skinFindings", List.of(DataLayer.FHIR.newJsonParser().parseResource(PETECHIAE.toString())));
      return CompletableFuture.completedFuture(found);
    };

    @Test
    void fetchesOnlyTheMissingAndFailedKeysWithTheirQueriesResolved() {
      HookRequest request = HookRequest.forAdult().without("skinFindings")
          .prefetch("cbcOrders", Fhir.operationOutcome("timeout"));
      PatientSnapshot snapshot = Await.value(DataLayer.reader(server).read(DataLayer.DEFINITION.prefetch(),
          DataLayer.dataRequest(request, Optional.of(new FhirAccess(URI.create(Fhir.EHR), Optional.of("token"))))));
      assertThat(asked).containsOnlyKeys("skinFindings", "cbcOrders");
      assertThat(asked.get("skinFindings")).startsWith("Observation?patient=p1&");
      assertThat(accesses).extracting(FhirAccess::fhirServer).containsExactly(URI.create(Fhir.EHR));
      assertThat(snapshot.skinFindings()).hasSize(1);
    }
  }

  @Nested
  class InvalidPrefetch {

    @Test
    void aTextValueIsNotAResource() {
      assertInvalid(JsonNodeFactory.instance.textNode("Observation/skin-1"));
    }

    @Test
    void anArrayIsNotAResource() {
      assertInvalid(JsonNodeFactory.instance.arrayNode().add(PETECHIAE.deepCopy()));
    }

    @Test
    void anObjectWithoutResourceTypeIsNotAResource() {
      assertInvalid(JsonNodeFactory.instance.objectNode().put("id", "skin-1"));
    }

    @Test
    void anUnknownResourceTypeIsNotFhirR4() {
      assertInvalid(Fhir.resource("Petechia", "skin-1"));
    }

    @Test
    void aResourceHapisParserCannotReadIsRefusedNotACrash() {
      // An empty property name throws an index out of bounds from inside HAPI's parser (found by fuzzing); the
      // malformed status sends the resource to HAPI's parser.
      assertInvalid(Fhir.resource("Observation", "skin-1").put("", "x").put("status", 7));
    }

    private void assertInvalid(JsonNode value) {
      assertThatThrownBy(() -> DataLayer.snapshot(HookRequest.forAdult().prefetch("skinFindings", value)))
          .isInstanceOf(InvalidPrefetchException.class)
          .hasMessageContaining("skinFindings");
    }
  }
}
