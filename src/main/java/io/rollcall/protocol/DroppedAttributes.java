package io.rollcall.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of attributes a request sent that the schema does not have and that were dropped rather
 * than refused ({@link Tolerances.UnknownAttributes#DROP_AND_REPORT}). Names only, never values;
 * element indexes are left out ({@code members[3].displayName} is noted as {@code
 * members.displayName}), so one mistake in a list of 10,000 members is one name. Bounded: at most
 * {@value #MAX_NAMES} distinct names of at most {@value #MAX_NAME_LENGTH} characters each.
 */
public final class DroppedAttributes {

  public static final int MAX_NAMES = 5;
  public static final int MAX_NAME_LENGTH = 64;

  private final Set<String> names = new LinkedHashSet<>();
  private boolean more;

  public void add(String name) {
    String plain = name.replaceAll("\\[[^\\]]*\\]", "");
    if (plain.length() > MAX_NAME_LENGTH) {
      plain = plain.substring(0, MAX_NAME_LENGTH - 3) + "...";
    }
    if (names.contains(plain)) {
      return;
    }
    if (names.size() >= MAX_NAMES) {
      more = true;
      return;
    }
    names.add(plain);
  }

  public void addAll(DroppedAttributes other) {
    other.names.forEach(this::add);
    more |= other.more;
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** In the order first seen. */
  public List<String> names() {
    return new ArrayList<>(names);
  }

  /** Whether names were left out for the bound. */
  public boolean truncated() {
    return more;
  }

  /** The names joined by commas, with a trailing {@code ,…} when some were left out. */
  @Override
  public String toString() {
    return String.join(",", names) + (more ? ",…" : "");
  }
}
