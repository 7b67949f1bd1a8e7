package org.pinpointcds.triage;

/**
 * A final, amended or corrected platelet count.
 *
 * @param perNanolitre the count in x10^9/L (equal to x10^3/uL), as reported: with a comparator, a bound
 * @param bound what a comparator makes of the value (contract 5.3)
 * @param asRecorded value and unit as the laboratory sent them, for the card
 */
public record PlateletCount(String reference, When takenAt, double perNanolitre, Bound bound, String asRecorded) {

  /** A count as reported: exactly, or as a range. */
  public enum Bound {
    EXACT(""),
    /** {@code <} or {@code <=}: the count may be anything below. */
    AT_MOST("<"),
    /** {@code >} or {@code >=}: the count may be as low as the value. */
    AT_LEAST(">");

    private final String symbol;

    Bound(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * The value of the most urgent band the range allows: any upper bound may be critical, a lower bound may be as
   * low as its value.
   */
  public double mostUrgentValue() {
    return bound == Bound.AT_MOST ? 0 : perNanolitre;
  }
}
