package org.pinpointcds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The machine a benchmark ran on, for the first line of its report: numbers mean little without it. */
final class Machine {

  private Machine() {}

  /** Date, cores, Java, OS and the load average (1, 5, 15 minutes) at the time of the call. */
  static String describe() {
    return "%s, on %d cores, Java %s, %s %s, load average %s".formatted(LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"), loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Writes a report under docs/benchmarks/, or says why it could not. */
  static void write(String fileName, String report) {
    Path out = Path.of("docs", "benchmarks", fileName);
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } catch (IOException e) {
      System.err.println("could not write " + out + ": " + e.getMessage());
    }
  }
}
