package org.pinpointcds.profiles;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * HAPI's FhirInstanceValidator, offline: the R4 core definitions, in-memory terminology and the package's own
 * StructureDefinitions, CodeSystems and ValueSets. Built and warmed once per test JVM (the first validation
 * loads the core definitions and takes seconds; later ones take milliseconds).
 */
public final class PackageValidator {

  private static PackageValidator instance;

  private final FhirValidator validator;
  private final ValidationSupportChain chain;

  private PackageValidator() {
    quietTerminologyLog();
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FhirPackage.FHIR);
    for (Resource resource : FhirPackage.conformanceResources()) {
      if (resource instanceof StructureDefinition || resource instanceof CodeSystem || resource instanceof ValueSet) {
        ours.addResource(resource);
      }
    }
    chain = new ValidationSupportChain(
        ours,
        new DefaultProfileValidationSupport(FhirPackage.FHIR),
        new CommonCodeSystemsTerminologyService(FhirPackage.FHIR),
        new InMemoryTerminologyServerValidationSupport(FhirPackage.FHIR),
        new SnapshotGeneratingValidationSupport(FhirPackage.FHIR));
    // Offline, LOINC, SNOMED CT, RxNorm, ATC and ICD-10-CM codes cannot be looked up: a warning, not an error.
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    validator = FhirPackage.FHIR.newValidator().registerValidatorModule(module);
    validator.validateWithResult(new org.hl7.fhir.r4.model.Patient()); // warm-up
  }

  public static synchronized PackageValidator get() {
    if (instance == null) {
      instance = new PackageValidator();
    }
    return instance;
  }

  /** HAPI logs every code system it looks up at INFO: thousands of lines per build. */
  private static void quietTerminologyLog() {
    if (org.slf4j.LoggerFactory.getLogger("ca.uhn.fhir.log.terminology_troubleshooting")
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  ValidationSupportChain support() {
    return chain;
  }

  /** Errors (and fatal messages) against the base resource type and any profile in {@code meta.profile}. */
  public List<String> errors(Resource resource) {
    return errors(resource, new ValidationOptions());
  }

  /** Errors against {@code profile} (and the base type). */
  List<String> errors(Resource resource, String profile) {
    return errors(resource, new ValidationOptions().addProfile(profile));
  }

  private List<String> errors(Resource resource, ValidationOptions options) {
    synchronized (validator) {
      return validator.validateWithResult(resource, options).getMessages().stream()
          .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
          .map(PackageValidator::describe)
          .toList();
    }
  }

  private static String describe(SingleValidationMessage message) {
    return message.getLocationString() + ": " + message.getMessage();
  }
}
