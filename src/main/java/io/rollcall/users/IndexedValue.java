package io.rollcall.users;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One attribute value as the index stores it: exactly one of the typed columns is set, strings in
 * both their exact and lower-cased form so each filter can honour the attribute's {@code
 * caseExact}.
 */
record IndexedValue(
    String attr,
    int element,
    boolean sortKey,
    String text,
    String folded,
    Instant time,
    Boolean bool,
    BigDecimal number) {}
