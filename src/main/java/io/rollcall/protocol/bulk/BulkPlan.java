package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The order in which a bulk request's operations run, computed before any of them runs.
 *
 * <p>RFC 7644 §3.7 lets a service provider reorder operations as long as the client's intent and
 * the final state are preserved. Rollcall keeps the request's order except that an operation waits
 * until every POST whose {@code bulkId} it references has run, so a reference to a POST further
 * down the request (a group listed before its members) works: among the operations that are free to
 * run, the earliest in the request always goes first.
 *
 * <p>Circular references (RFC 7644 §3.7.1): operations that reference one another, directly or
 * through others, can never all wait for each other. The RFC says the service provider "MUST try to
 * resolve circular cross-references … but MAY stop after a failed attempt and instead return HTTP
 * status code 409 (Conflict)". Rollcall takes the second branch: every operation on a cycle is
 * answered 409, and operations that only reference a cycle fail because the POST they wait for
 * failed. Resolving a cycle would mean creating a resource without some of its data and patching it
 * afterwards — two writes, no longer the one atomic write the single request makes.
 */
final class BulkPlan {

  /** The bulkIds nobody declares, per operation; such an operation is refused (400). */
  private final Map<Integer, List<String>> unknown = new HashMap<>();

  private final Map<String, Integer> declaredBy = new HashMap<>();
  private final List<List<Integer>> dependencies = new ArrayList<>();
  private final boolean[] circular;
  private final List<Integer> order;

  private BulkPlan(List<BulkOperation> operations) {
    int n = operations.size();
    for (BulkOperation operation : operations) {
      if (operation.declaresBulkId()) {
        declaredBy.put(operation.bulkId(), operation.index());
      }
    }
    for (BulkOperation operation : operations) {
      List<Integer> needs = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String reference : operation.references()) {
        Integer declaring = declaredBy.get(reference);
        if (declaring == null) {
          missing.add(reference);
        } else if (!needs.contains(declaring)) {
          needs.add(declaring);
        }
      }
      if (!missing.isEmpty()) {
        unknown.put(operation.index(), missing);
        needs.clear();
      }
      dependencies.add(needs);
    }
    circular = new Cycles(dependencies).onCycle();
    order = order(n);
  }

  static BulkPlan of(List<BulkOperation> operations) {
    return new BulkPlan(operations);
  }

  /** Operation indexes in the order they run. */
  List<Integer> order() {
    return order;
  }

  /** Whether the operation references itself, directly or through other operations. */
  boolean circular(int index) {
    return circular[index];
  }

  /** The 400 for an operation that references a bulkId no POST of the request declares. */
  ScimException unknownReference(int index) {
    List<String> missing = unknown.get(index);
    if (missing == null) {
      return null;
    }
    return ScimException.invalidValue(
        "no POST in this bulk request has the bulkId "
            + String.join(
                ", ",
                missing.stream().limit(10).map(m -> "\"" + BulkRequest.clip(m) + "\"").toList())
            + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : ""));
  }

  /**
   * Kahn's algorithm, always taking the earliest free operation. When every remaining operation
   * waits for another, the earliest one on a cycle is released (it will be refused), which frees
   * the rest in turn. A stuck set always holds a cycle: follow any operation's dependencies among
   * the waiting ones and one must come back.
   */
  private List<Integer> order(int n) {
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      waiting[i] = dependencies.get(i).size();
      for (int needed : dependencies.get(i)) {
        dependents.get(needed).add(i);
      }
    }
    PriorityQueue<Integer> free = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        free.add(i);
      }
    }
    boolean[] done = new boolean[n];
    List<Integer> sequence = new ArrayList<>(n);
    while (sequence.size() < n) {
      if (free.isEmpty()) {
        free.add(earliestWaitingOnCycle(done));
      }
      int next = free.poll();
      if (done[next]) {
        continue;
      }
      done[next] = true;
      sequence.add(next);
      for (int dependent : dependents.get(next)) {
        if (--waiting[dependent] == 0 && !done[dependent]) {
          free.add(dependent);
        }
      }
    }
    return List.copyOf(sequence);
  }

  private int earliestWaitingOnCycle(boolean[] done) {
    for (int i = 0; i < done.length; i++) {
      if (!done[i] && circular[i]) {
        return i;
      }
    }
    throw new IllegalStateException("operations wait for each other without a cycle");
  }

  /**
   * Tarjan's strongly connected components over the dependency graph: an operation is on a cycle
   * when its component has more than one operation, or when it references its own bulkId.
   * Iterative, so a chain of a thousand operations needs no deep stack.
   */
  private static final class Cycles {
    private final List<List<Integer>> edges;
    private final int[] number;
    private final int[] low;
    private final boolean[] onStack;
    private final int[] stack;
    private int stackSize;
    private int counter;
    private final boolean[] onCycle;

    Cycles(List<List<Integer>> edges) {
      this.edges = edges;
      int n = edges.size();
      number = new int[n];
      low = new int[n];
      onStack = new boolean[n];
      stack = new int[n];
      onCycle = new boolean[n];
    }

    boolean[] onCycle() {
      for (int v = 0; v < edges.size(); v++) {
        if (number[v] == 0) {
          visit(v);
        }
      }
      return onCycle;
    }

    private void visit(int root) {
      // Each frame: the vertex and how many of its edges have been followed.
      int[] vertices = new int[edges.size()];
      int[] next = new int[edges.size()];
      int depth = 0;
      vertices[0] = root;
      enter(root);
      while (depth >= 0) {
        int v = vertices[depth];
        List<Integer> out = edges.get(v);
        if (next[depth] < out.size()) {
          int w = out.get(next[depth]++);
          if (w == v) {
            onCycle[v] = true;
          }
          if (number[w] == 0) {
            depth++;
            vertices[depth] = w;
            next[depth] = 0;
            enter(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], number[w]);
          }
          continue;
        }
        if (low[v] == number[v]) {
          int size = 0;
          int top = stackSize;
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            size++;
          } while (w != v);
          if (size > 1) {
            for (int i = stackSize; i < top; i++) {
              onCycle[stack[i]] = true;
            }
          }
        }
        depth--;
        if (depth >= 0) {
          int parent = vertices[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }

    private void enter(int v) {
      number[v] = ++counter;
      low[v] = counter;
      stack[stackSize++] = v;
      onStack[v] = true;
    }
  }
}
