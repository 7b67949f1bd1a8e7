package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The CDS Hooks Coding datatype: {@code system} and {@code code} required, {@code display} optional. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {}
