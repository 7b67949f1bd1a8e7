package org.pinpointcds.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's JSON parser on JSON from outside (an EHR's prefetch, a FHIR server's answer, the diagnostics). It refuses
 * malformed FHIR with a {@link DataFormatException}, but some malformed JSON makes it fail from deep inside instead
 * (an empty property name: an index out of bounds, found by fuzzing). Every failure of the parser is reported as
 * that one refusal, so that no caller answers 500 for what is bad input.
 */
public final class FhirJson {

  private FhirJson() {
  }

  /** @throws DataFormatException when HAPI's parser cannot read {@code json} as a FHIR resource */
  public static IBaseResource parse(FhirContext context, String json) {
    return refusingBadInput(() -> context.newJsonParser().parseResource(json));
  }

  /** {@link #parse(FhirContext, String)} on a tree already read: no text in between. */
  static IBaseResource parse(FhirContext context, ObjectNode json) {
    JacksonStructure structure = new JacksonStructure();
    structure.setNativeObject(json);
    return refusingBadInput(() -> ((IJsonLikeParser) context.newJsonParser()).parseResource(structure));
  }

  private static IBaseResource refusingBadInput(Supplier<IBaseResource> parse) {
    try {
      return parse.get();
    } catch (DataFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DataFormatException("HAPI's FHIR parser could not read it (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
