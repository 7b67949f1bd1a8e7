package org.pinpointcds.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the sandbox's transaction Bundles once the server is up (before {@link FhirSandbox#start} returns): each
 * Bundle's dates are moved by "now minus {@code Bundle.timestamp}" (the scenario's {@code asOf}), so the data is as
 * recent on the day the server starts as it was in the scenario.
 */
final class SandboxLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxLoader.class);

  /** A patient the sandbox holds, with the scenario it comes from. */
  record SandboxPatient(String id, String scenario, String title) {}

  private final FhirContext fhirContext;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final String location;
  private final Clock clock;
  private final List<SandboxPatient> patients = new ArrayList<>();

  SandboxLoader(FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao, String location, Clock clock) {
    this.fhirContext = fhirContext;
    this.systemDao = systemDao;
    this.location = location;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
    if (files.length == 0) {
      throw new IllegalStateException("no sandbox Bundles at " + location);
    }
    Arrays.sort(files, Comparator.comparing(Resource::getFilename));
    for (Resource file : files) {
      Bundle bundle;
      try (InputStream in = file.getInputStream()) {
        bundle = fhirContext.newJsonParser().parseResource(Bundle.class, in);
      }
      load(file.getFilename(), bundle);
    }
    LOG.info("FHIR sandbox holds {} patients: {}", patients.size(),
        patients.stream().map(SandboxPatient::id).toList());
  }

  /** The patients loaded, in file order. */
  List<SandboxPatient> patients() {
    return List.copyOf(patients);
  }

  private void load(String name, Bundle bundle) {
    if (bundle.getType() != Bundle.BundleType.TRANSACTION || !bundle.hasTimestamp()) {
      throw new IllegalStateException(name + ": not a transaction Bundle with a timestamp (the scenario's asOf)");
    }
    DateShift shift = DateShift.between(bundle.getTimestamp().toInstant(), clock.instant());
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      shift.apply(fhirContext, entry.getResource());
    }
    systemDao.transaction(new SystemRequestDetails(), bundle);
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Patient patient) {
        Coding scenario = patient.getMeta().getTag().stream()
            .filter(tag -> SandboxBundles.SCENARIO_SYSTEM.equals(tag.getSystem()))
            .findFirst()
            .orElseGet(Coding::new);
        patients.add(new SandboxPatient(patient.getIdPart(), scenario.getCode(), scenario.getDisplay()));
      }
    }
    LOG.debug("{}: {} resources, dates moved by {}", name, bundle.getEntry().size(), shift.amount());
  }
}
