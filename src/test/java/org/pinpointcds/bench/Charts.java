package org.pinpointcds.bench;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;

/**
 * The charts the benchmarks send: the same bytes for a given size and moment, whatever the machine. Each is a
 * {@code patient-view} call whose every prefetch key is filled the way an EHR fills it (search Bundles, resources
 * with identifiers, meta and encounter references, {@code _include}d Medications, a search warning), dated back
 * from {@code now} so that the cards fire: a petechiae finding from this morning with no documented cause, on a
 * factor Xa inhibitor, with a low latest platelet count.
 *
 * <p>Writes the calls, dated now, for the load test (and the typical chart's order-sign call, {@value #ORDER_SIGN_FILE}):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.Charts
 * -Dexec.args=DIR}
 */
public final class Charts {

  static final String ORDER_SIGN_FILE = "order-sign.json";

  /** How much of a patient's record the EHR sends. */
  public enum Size {
    /** One finding, every other key an empty Bundle. */
    MINIMAL(0, 0, 0, 0, 0, 0),
    /** About 60 resources, 35 KB: a few days of vitals, two months of counts, the current medicines. */
    TYPICAL(19, 8, 8, 8, 6, 5),
    /** About 2,000 resources, 1.1 MB: three years of daily temperatures and counts every other day. */
    LONG_STAY(1_095, 548, 60, 110, 70, 150);

    final int temperatures;
    final int plateletCounts;
    final int conditions;
    final int statements;
    final int requests;
    final int cbcOrders;

    Size(int temperatures, int plateletCounts, int conditions, int statements, int requests, int cbcOrders) {
      this.temperatures = temperatures;
      this.plateletCounts = plateletCounts;
      this.conditions = conditions;
      this.statements = statements;
      this.requests = requests;
      this.cbcOrders = cbcOrders;
    }

    public String fileName() {
      return name().toLowerCase().replace('_', '-') + ".json";
    }
  }

  /** Drugs an EHR lists, with the RxNorm ingredient code: two antithrombotics, a steroid, and the rest unclassed. */
  private static final String[][] DRUGS = {
      {"1364430", "apixaban"}, {"6809", "metformin"}, {"29046", "lisinopril"}, {"83367", "atorvastatin"},
      {"7646", "omeprazole"}, {"8640", "prednisone"}, {"1191", "aspirin"}, {"5640", "ibuprofen"},
      {"161", "acetaminophen"}, {"17767", "amlodipine"}};
  private static final String[] CONDITIONS = {"I10", "E11.9", "N18.3", "J44.9", "I48.91", "D69.6", "R50.9", "K21.9"};
  private static final String[] OLD_FINDINGS = {"red-skin-lesion", "cherry-angioma", "petechiae", "telangiectasia"};

  private final Random random;
  private final Instant now;
  private final HookRequest request = HookRequest.forAdult();
  /** Years of vitals and counts come as bare flowsheet rows: no version, no reference range. */
  private final boolean bareRows;

  private Charts(Size size, Instant now) {
    this.bareRows = size == Size.LONG_STAY;
    this.random = new Random(size.ordinal() * 7919L + 17);
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The same chart as an order-sign call of {@code antithrombotic-order-check}: its keys, and a draft apixaban order
   * (the chart's petechiae from today and its counts make a card).
   */
  public static byte[] orderSignRequest(Size size, Instant now) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode call = (ObjectNode) json.readTree(request(size, now));
      call.put("hook", "order-sign");
      ((ObjectNode) call.path("prefetch")).remove(List.of("medicationStatements", "medicationRequests"));
      ((ObjectNode) call.path("context")).set("draftOrders", json.readTree("""
          {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "MedicationRequest",
            "id": "draft-apixaban", "status": "draft", "intent": "order", "medicationCodeableConcept": {"coding": [
              {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1364430", "display": "apixaban"}]}}}]}"""));
      return json.writeValueAsBytes(call);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The call as JSON bytes: the same for the same size and moment. */
  public static byte[] request(Size size, Instant now) {
    return new Charts(size, now).build(size).getBytes(StandardCharsets.UTF_8);
  }

  private String build(Size size) {
    request.field("hookInstance", "bench-" + size.name().toLowerCase());
    request.add("skinFindings", Fhir.skinFinding("skin-today", "petechiae", ago(ofHours(3)))
        .blanches(false).extent("localized").distribution("lower-legs").json());
    if (size == Size.MINIMAL) {
      return request.toString();
    }
    for (int i = 0; i < size.plateletCounts / 25 + 2; i++) {
      request.add("skinFindings", ehr(Fhir.skinFinding("skin-" + i, OLD_FINDINGS[i % OLD_FINDINGS.length],
          ago(ofDays(30 + 40L * i))).blanches(i % 3 == 0).json()));
    }
    for (int i = 0; i < size.temperatures; i++) {
      // Every 6 hours for a typical chart, daily for a long stay; never a fever.
      Duration step = size == Size.TYPICAL ? ofHours(6) : ofDays(1);
      request.add("temperatures", row(Fhir.temperature("temp-" + i, 36.4 + random.nextInt(9) / 10.0, "Cel",
          ago(step.multipliedBy(i).plusMinutes(20)))));
    }
    for (int i = 0; i < size.plateletCounts; i++) {
      // The latest, two days ago, is low (same-day CBC); older counts wander through the normal range.
      double count = i == 0 ? 128 : 140 + random.nextInt(220);
      request.add("plateletCounts", labValue(Fhir.plateletCount("plt-" + i, count, "10*3/uL", ago(ofDays(2 + 2L * i)))));
    }
    for (int i = 0; i < size.conditions; i++) {
      ObjectNode condition = Fhir.condition("cond-" + i, CONDITIONS[i % CONDITIONS.length], i % 3 == 2 ? "resolved" : "active",
          ago(ofDays(20 + 30L * i)));
      request.add("conditions", ehr(condition));
    }
    for (int i = 0; i < size.statements; i++) {
      request.add("medicationStatements", ehr(statement(i)));
    }
    for (int i = 0; i < size.requests; i++) {
      String[] drug = DRUGS[(i + 1) % DRUGS.length];
      ObjectNode medicationRequest = Fhir.medicationRequest("medrq-" + i, i < DRUGS.length ? "active" : "completed",
          Fhir.concept(Fhir.RXNORM, drug[0], drug[1]));
      request.add("medicationRequests", ehr(medicationRequest.put("authoredOn", ago(ofDays(10L * i)).toString())));
    }
    for (int i = 0; i < size.cbcOrders; i++) {
      request.add("cbcOrders", ehr(Fhir.cbcOrder("cbc-" + i, "completed", ago(ofDays(2 + 7L * i)))));
    }
    request.add("temperatures", Fhir.operationOutcome("results limited to the last " + size.temperatures + " entries"));
    return request.toString();
  }

  /** Current medicines and years of past ones; every fifth names its drug by a reference to an included Medication. */
  private ObjectNode statement(int i) {
    String[] drug = DRUGS[i % DRUGS.length];
    boolean current = i < DRUGS.length;
    ObjectNode statement = Fhir.medicationStatement("medst-" + i, current ? "active" : i % 2 == 0 ? "completed" : "stopped",
        Fhir.concept(Fhir.RXNORM, drug[0], drug[1]), ago(ofDays(60 + 20L * i)));
    if (!current) {
      Fhir.endedAt(statement, ago(ofDays(30 + 20L * i)));
    }
    if (i % 5 == 4) {
      String id = "med-" + i;
      Fhir.referencing(statement, "Medication/" + id);
      request.include("medicationStatements", Fhir.medication(id, Fhir.concept(Fhir.RXNORM, drug[0], drug[1]),
          Fhir.concept("http://snomed.info/sct", "385055001", "Tablet")));
    }
    return statement;
  }

  /** What an EHR adds to the resources it returns: their version. */
  private ObjectNode ehr(ObjectNode resource) {
    resource.putObject("meta").put("versionId", String.valueOf(1 + random.nextInt(4)))
        .put("lastUpdated", ago(ofHours(random.nextInt(2_000))).toString());
    return resource;
  }

  private ObjectNode row(ObjectNode vitalOrCount) {
    return bareRows ? vitalOrCount : ehr(vitalOrCount);
  }

  private ObjectNode labValue(ObjectNode count) {
    if (bareRows) {
      return count;
    }
    ObjectNode range = ehr(count).putArray("referenceRange").addObject();
    range.putObject("low").put("value", 150).put("unit", "10*3/uL").put("system", Fhir.UCUM).put("code", "10*3/uL");
    range.putObject("high").put("value", 400).put("unit", "10*3/uL").put("system", Fhir.UCUM).put("code", "10*3/uL");
    return count;
  }

  private Instant ago(Duration duration) {
    return now.minus(duration);
  }

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "target/charts");
    Files.createDirectories(folder);
    Instant now = Instant.now();
    for (Size size : Size.values()) {
      byte[] json = request(size, now);
      Files.write(folder.resolve(size.fileName()), json);
      System.out.printf("%s: %,d bytes%n", folder.resolve(size.fileName()), json.length);
    }
    Path orderSign = folder.resolve(ORDER_SIGN_FILE);
    Files.write(orderSign, orderSignRequest(Size.TYPICAL, now));
    System.out.printf("%s: %,d bytes%n", orderSign, Files.size(orderSign));
  }
}
