package io.rollcall.events;

import java.util.Locale;

/** What happened to a person. */
public enum EventKind {
  PROVISIONED,
  UPDATED,
  DEACTIVATED,
  REACTIVATED,
  DELETED,
  PERMISSIONS_CHANGED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
