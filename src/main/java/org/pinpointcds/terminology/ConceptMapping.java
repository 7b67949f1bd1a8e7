package org.pinpointcds.terminology;

/**
 * One mapping of a site's ConceptMap: the local code {@code sourceSystem|sourceCode} means Pinpoint's
 * {@code targetSystem|targetCode}.
 */
record ConceptMapping(String sourceSystem, String sourceCode, String targetSystem, String targetCode, String file) {

  String source() {
    return sourceSystem + "|" + sourceCode;
  }

  String target() {
    return targetSystem + "|" + targetCode;
  }
}
