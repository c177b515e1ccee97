package io.rollcall.protocol;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the protocol engine lets a tenant's identity provider get away with: a set of named {@link
 * Tolerance}s and what to do with attributes the schema lacks. Passed in by the services from the
 * tenant's profile; the engine never looks a tenant up itself.
 *
 * @param allowed the tolerances in force
 * @param unknownAttributes what an attribute the schema does not have in a resource body or a
 *     path-less PATCH value causes
 */
public record Tolerances(Set<Tolerance> allowed, UnknownAttributes unknownAttributes) {

  /** An attribute the schema lacks, sent in a body (a PATCH path naming one is always invalid). */
  public enum UnknownAttributes {
    /** 400 {@code invalidValue} naming every unknown attribute (RFC 7644 §3.12). */
    REFUSE,
    /** Dropped, and its name (never its value) reported in the tenant's connection check. */
    DROP_AND_REPORT
  }

  /** Every tolerance, unknown attributes refused: Rollcall's behaviour before profiles existed. */
  public static final Tolerances ANY_IDP =
      new Tolerances(EnumSet.allOf(Tolerance.class), UnknownAttributes.REFUSE);

  /** The RFC's answer to everything. */
  public static final Tolerances STRICT =
      new Tolerances(EnumSet.noneOf(Tolerance.class), UnknownAttributes.REFUSE);

  public Tolerances {
    Objects.requireNonNull(unknownAttributes, "unknownAttributes");
    allowed = Set.copyOf(allowed);
  }

  public static Tolerances of(UnknownAttributes unknownAttributes, Tolerance... allowed) {
    EnumSet<Tolerance> set = EnumSet.noneOf(Tolerance.class);
    set.addAll(Arrays.asList(allowed));
    return new Tolerances(set, unknownAttributes);
  }

  public boolean allows(Tolerance tolerance) {
    return allowed.contains(tolerance);
  }

  public boolean dropsUnknownAttributes() {
    return unknownAttributes == UnknownAttributes.DROP_AND_REPORT;
  }
}
