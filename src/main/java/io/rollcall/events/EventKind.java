package io.rollcall.events;

import java.util.Locale;

/** What happened to a person. */
public enum EventKind {
  PROVISIONED,
  UPDATED,
  DEACTIVATED,
  REACTIVATED,
  DELETED,
  PERMISSIONS_CHANGED,
  /** A full HR sync found the person missing from the directory; their access ends. */
  DEPARTED,
  /** A departed person is in an HR upload again. */
  REJOINED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
