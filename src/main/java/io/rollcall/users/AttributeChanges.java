package io.rollcall.users;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Names the attributes that differ between two canonical representations: core attributes by name,
 * extension attributes by their full URN path ({@code urn:…:enterprise:2.0:User:department}).
 */
final class AttributeChanges {

  private AttributeChanges() {}

  static TreeSet<String> between(Map<String, Object> before, Map<String, Object> after) {
    TreeSet<String> changed = new TreeSet<>();
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      if (key.equals("schemas")) {
        continue;
      }
      Object old = before.get(key);
      Object now = after.get(key);
      if (key.startsWith("urn:") && (old instanceof Map || now instanceof Map)) {
        Map<?, ?> oldExt = old instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> newExt = now instanceof Map<?, ?> m ? m : Map.of();
        TreeSet<String> subKeys = new TreeSet<>();
        oldExt.keySet().forEach(k -> subKeys.add(String.valueOf(k)));
        newExt.keySet().forEach(k -> subKeys.add(String.valueOf(k)));
        for (String sub : subKeys) {
          if (!Objects.equals(oldExt.get(sub), newExt.get(sub))) {
            changed.add(key + ":" + sub);
          }
        }
      } else if (!Objects.equals(old, now)) {
        changed.add(key);
      }
    }
    return changed;
  }
}
