package io.rollcall.ratelimit;

import io.rollcall.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many SCIM requests this node refused since it started, per tenant and per kind of limit: the
 * numbers a metrics endpoint can publish (and publishes: {@code
 * rollcall_ratelimit_refusals_total}). Counters only grow; a node's restart starts them at zero.
 */
@ApplicationScoped
public class RefusalCounts {

  private final Map<String, LongAdder> byTenant = new ConcurrentHashMap<>();
  private final Map<Refusal.Scope, LongAdder> byScope = new ConcurrentHashMap<>();

  @Inject Metrics metrics;

  void count(@Observes ScimRequestRefused refused) {
    byTenant.computeIfAbsent(refused.tenantId(), id -> new LongAdder()).increment();
    byScope.computeIfAbsent(refused.refusal().scope(), s -> new LongAdder()).increment();
    metrics.rateLimited(
        refused.tenantId(), refused.refusal().scope().name().toLowerCase(Locale.ROOT));
  }

  /** Requests of the tenant refused by either limit. */
  public long ofTenant(String tenantId) {
    LongAdder count = byTenant.get(tenantId);
    return count == null ? 0 : count.sum();
  }

  /** Requests refused by one kind of limit, all tenants together. */
  public long byScope(Refusal.Scope scope) {
    LongAdder count = byScope.get(scope);
    return count == null ? 0 : count.sum();
  }
}
