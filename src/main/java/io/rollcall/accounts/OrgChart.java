package io.rollcall.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management hierarchy that the directory's {@code managerEmail} column draws: each person's
 * direct reports and their level (0 at the top). Pure, so it is unit-tested directly.
 *
 * <p>A person with no manager, or who names themself (a common HR convention for the chief
 * executive), is at the top. A chain that reaches a manager missing from the directory, or that
 * loops, has no level: guessing one could grant leadership to the wrong people. Both problems are
 * listed for the upload report rather than failing it.
 */
public final class OrgChart {

  /** At most this many problems of each kind are listed; the counts cover them all. */
  static final int MAX_LISTED = 1000;

  /** One current account, as the hierarchy sees it. */
  public record Person(String email, String managerEmail) {}

  /** Where one person sits. */
  public record Position(int directReports, Integer level) {}

  /** A person whose manager is not a current account. */
  public record MissingManager(String email, String managerEmail) {}

  private final Map<String, Position> positions;
  private final long missingManagers;
  private final List<MissingManager> listedMissing;
  private final long cycles;
  private final List<List<String>> listedCycles;

  private OrgChart(
      Map<String, Position> positions,
      long missingManagers,
      List<MissingManager> listedMissing,
      long cycles,
      List<List<String>> listedCycles) {
    this.positions = positions;
    this.missingManagers = missingManagers;
    this.listedMissing = listedMissing;
    this.cycles = cycles;
    this.listedCycles = listedCycles;
  }

  /** Draws the chart of these people (their emails are distinct once folded). */
  public static OrgChart of(List<Person> people) {
    Map<String, Person> byKey = new LinkedHashMap<>();
    for (Person p : people) {
      byKey.put(AccountRow.key(p.email()), p);
    }
    Map<String, String> managerOf = new HashMap<>();
    Map<String, Integer> reports = new HashMap<>();
    long missing = 0;
    List<MissingManager> listedMissing = new ArrayList<>();
    for (Map.Entry<String, Person> e : byKey.entrySet()) {
      String manager = e.getValue().managerEmail();
      if (manager == null) {
        continue;
      }
      String managerKey = AccountRow.key(manager);
      if (managerKey.equals(e.getKey())) {
        continue;
      }
      managerOf.put(e.getKey(), managerKey);
      if (byKey.containsKey(managerKey)) {
        reports.merge(managerKey, 1, Integer::sum);
      } else {
        missing++;
        if (listedMissing.size() < MAX_LISTED) {
          listedMissing.add(new MissingManager(e.getValue().email(), manager));
        }
      }
    }

    Map<String, Integer> levels = new HashMap<>();
    Map<String, Boolean> done = new HashMap<>();
    long cycles = 0;
    List<List<String>> listedCycles = new ArrayList<>();
    for (String start : byKey.keySet()) {
      if (done.containsKey(start)) {
        continue;
      }
      // Follow the managers until a known level, a top, a gap or a loop; then settle the path.
      List<String> path = new ArrayList<>();
      Map<String, Integer> onPath = new HashMap<>();
      String at = start;
      Integer base;
      while (true) {
        if (done.containsKey(at)) {
          base = levels.get(at);
          break;
        }
        if (onPath.containsKey(at)) {
          List<String> loop = path.subList(onPath.get(at), path.size());
          cycles++;
          if (listedCycles.size() < MAX_LISTED) {
            listedCycles.add(loop.stream().map(k -> byKey.get(k).email()).toList());
          }
          base = null;
          break;
        }
        onPath.put(at, path.size());
        path.add(at);
        String manager = managerOf.get(at);
        if (manager == null) {
          base = -1;
          break;
        }
        if (!byKey.containsKey(manager)) {
          base = null;
          break;
        }
        at = manager;
      }
      for (int i = path.size() - 1; i >= 0; i--) {
        String key = path.get(i);
        Integer level = base == null ? null : base + (path.size() - i);
        levels.put(key, level);
        done.put(key, true);
      }
    }

    Map<String, Position> positions = new HashMap<>();
    for (String key : byKey.keySet()) {
      positions.put(key, new Position(reports.getOrDefault(key, 0), levels.get(key)));
    }
    return new OrgChart(positions, missing, listedMissing, cycles, listedCycles);
  }

  /** The position of the person with this email; absent for someone not charted. */
  public Position position(String email) {
    return positions.get(AccountRow.key(email));
  }

  public long missingManagers() {
    return missingManagers;
  }

  public List<MissingManager> listedMissingManagers() {
    return listedMissing;
  }

  public long cycles() {
    return cycles;
  }

  /** Each loop as the emails on it, in the order the managers were followed. */
  public List<List<String>> listedCycles() {
    return listedCycles;
  }
}
