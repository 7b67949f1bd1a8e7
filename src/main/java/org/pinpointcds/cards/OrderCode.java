package org.pinpointcds.cards;

/**
 * How a suggested order is coded: a coding when the code is known, and always a text.
 *
 * @param system empty for a text-only order (the dermatology referral)
 */
public record OrderCode(String system, String code, String display, String text) {

  public boolean isCoded() {
    return system != null && !system.isBlank();
  }
}
