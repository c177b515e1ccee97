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
  private static final int MAX_SCANNED = 4096;
  private static final int KEPT_HEAD = 20;

  private final Set<String> names = new LinkedHashSet<>();
  private boolean more;

  public void add(String name) {
    String plain = plain(name);
    if (names.contains(plain)) {
      return;
    }
    if (names.size() >= MAX_NAMES) {
      more = true;
      return;
    }
    names.add(plain);
  }

  /**
   * The name without its value filters or indexes, in one pass over at most {@value #MAX_SCANNED}
   * characters (a key is the client's to choose, up to the size of the body), with every character
   * that cannot be part of an attribute path replaced by {@code ?} — so no piece of a filter's
   * value, no control character and no NUL (which PostgreSQL refuses in text) is kept. A long name
   * keeps its start and its end, where an extension attribute's own name is (after a URN that would
   * fill the bound alone).
   */
  static String plain(String name) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    int end = Math.min(name.length(), MAX_SCANNED);
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      if (depth > 0) {
        if (quoted) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            quoted = false;
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
      } else if (c == '[') {
        depth = 1;
      } else {
        out.append(isPathCharacter(c) ? c : '?');
      }
    }
    if (out.length() > MAX_NAME_LENGTH) {
      int tail = MAX_NAME_LENGTH - KEPT_HEAD - 3;
      return out.substring(0, KEPT_HEAD) + "..." + out.substring(out.length() - tail);
    }
    return out.toString();
  }

  /** Letters, digits and what URNs and attribute paths use. */
  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '$'
        || c == '_'
        || c == ':'
        || c == '.'
        || c == '-';
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
