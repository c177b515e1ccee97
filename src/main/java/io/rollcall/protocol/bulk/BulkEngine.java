package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a bulk request (RFC 7644 §3.7): operations in the {@link BulkPlan}'s order, each through the
 * {@link BulkExecutor} on its own, with {@code bulkId:} references replaced by the ids the earlier
 * POSTs created.
 *
 * <p>A failing operation does not stop the others (§3.7: the service provider "MUST continue
 * performing as many changes as possible and disregard partial failures") unless the request's
 * {@code failOnErrors} is reached: then nothing more runs, and the response lists only the
 * operations processed so far (§3.7.3). An operation answered 503 (the database is overloaded)
 * stops the run the same way.
 */
public final class BulkEngine {

  private BulkEngine() {}

  /** The results of the processed operations, in the order of the request. */
  public static List<BulkResult> run(BulkRequest request, BulkExecutor executor, Clock clock) {
    List<BulkOperation> operations = request.operations();
    BulkPlan plan = BulkPlan.of(operations);
    Map<String, String> created = new HashMap<>();
    List<BulkResult> results = new ArrayList<>();
    int errors = 0;
    for (int index : plan.order()) {
      BulkResult result = process(operations.get(index), plan, created, executor, clock);
      results.add(result);
      if (result.failed()) {
        errors++;
        // A 503 means the database is refusing work now: running the remaining operations would
        // only add load to it. Stop as failOnErrors does; the client retries what is missing.
        if (errors >= request.failOnErrors() || result.status() == 503) {
          break;
        }
      } else if (operations.get(index).declaresBulkId()) {
        created.put(operations.get(index).bulkId(), result.resourceId());
      }
    }
    results.sort(Comparator.comparingInt(BulkResult::index));
    return List.copyOf(results);
  }

  private static BulkResult process(
      BulkOperation operation,
      BulkPlan plan,
      Map<String, String> created,
      BulkExecutor executor,
      Clock clock) {
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    ScimException refusal = refusal(operation, plan, created);
    String id = operation.id();
    if (refusal == null && BulkIds.referenced(id) != null) {
      id = created.get(BulkIds.referenced(id));
    }
    BulkExecutor.Outcome outcome;
    if (refusal != null) {
      outcome = BulkExecutor.Outcome.failure(refusal);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> data =
          operation.data() == null || operation.method() == BulkMethod.DELETE
              ? null
              : (Map<String, Object>) BulkIds.substitute(operation.data(), created);
      BulkExecutor.Call call =
          new BulkExecutor.Call(
              operation.method(), operation.endpoint(), id, data, operation.version());
      try {
        outcome = executor.execute(call);
      } catch (ScimException e) {
        outcome = BulkExecutor.Outcome.failure(e);
      }
    }
    boolean post = operation.method() == BulkMethod.POST;
    String resourceId = post ? outcome.id() : BulkIds.referenced(id) == null ? id : null;
    String location =
        resourceId == null || operation.endpoint() == null
            ? null
            : executor.location(operation.endpoint(), resourceId);
    return new BulkResult(
        operation.index(),
        operation.method(),
        operation.method() != null ? operation.method().name() : operation.methodName(),
        operation.bulkId(),
        operation.path(post ? null : resourceId != null ? resourceId : operation.id()),
        resourceId,
        location,
        outcome.version(),
        outcome.status(),
        outcome.error(),
        startedAt,
        (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000));
  }

  /** Why an operation is answered without running, or null when it runs. */
  private static ScimException refusal(
      BulkOperation operation, BulkPlan plan, Map<String, String> created) {
    if (operation.problem() != null) {
      return operation.problem();
    }
    ScimException unknown = plan.unknownReference(operation.index());
    if (unknown != null) {
      return unknown;
    }
    if (plan.circular(operation.index())) {
      // RFC 7644 §3.7.1: 409. Table 9 has no scimType for it (its 409 type is "uniqueness").
      return new ScimException(
          409,
          null,
          "circular bulkId references: this operation references, directly or through other"
              + " operations, a resource that can only be created after it (RFC 7644 §3.7.1)");
    }
    List<String> failed =
        operation.references().stream().filter(r -> !created.containsKey(r)).sorted().toList();
    if (!failed.isEmpty()) {
      return new ScimException(
          409,
          null,
          "the POST with bulkId \""
              + BulkRequest.clip(failed.get(0))
              + "\" failed or was not processed, so this operation cannot reference it");
    }
    return null;
  }
}
