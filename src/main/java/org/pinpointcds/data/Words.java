package org.pinpointcds.data;

import java.util.List;

/** Lists of names as the readers' messages write them. */
final class Words {

  private Words() {}

  /** {@code a, b or c} for the conjunction {@code or}; a single word alone. */
  static String listed(List<String> words, String conjunction) {
    int last = words.size() - 1;
    return last < 1 ? String.join("", words)
        : String.join(", ", words.subList(0, last)) + " " + conjunction + " " + words.get(last);
  }
}
