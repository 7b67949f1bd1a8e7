package org.pinpointcds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Pinpoint: a CDS Hooks 2.0 service that triages petechiae from a patient's FHIR R4 data. */
@SpringBootApplication
public class PinpointApplication {

  public static void main(String[] args) {
    SpringApplication.run(PinpointApplication.class, args);
  }
}
