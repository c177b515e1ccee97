package io.rollcall.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a Prometheus scrape of a node shows, in the text exposition format. */
class MetricsTest {

  private final Metrics metrics = Metrics.standalone();

  @Test
  void scimRequestsAreCountedAndTimedPerTenantEndpointMethodAndStatus() {
    metrics.scimRequest("t1", "Users/{id}", "GET", 200, 3_000_000);
    metrics.scimRequest("t1", "Users/{id}", "GET", 200, 70_000_000);
    metrics.scimRequest("t2", "Users", "POST", 409, 12_000_000);

    String scrape = metrics.scrape();

    assertTrue(
        scrape.contains(
            "rollcall_scim_requests_seconds_count{endpoint=\"Users/{id}\",method=\"GET\","
                + "status=\"200\",tenant=\"t1\"} 2"),
        scrape);
    // Cumulative buckets: the 3 ms request is under 5 ms, both are under 100 ms.
    assertTrue(
        scrape.contains(
            "rollcall_scim_requests_seconds_bucket{endpoint=\"Users/{id}\",method=\"GET\","
                + "status=\"200\",tenant=\"t1\",le=\"0.005\"} 1"),
        scrape);
    assertTrue(
        scrape.contains(
            "rollcall_scim_requests_seconds_bucket{endpoint=\"Users/{id}\",method=\"GET\","
                + "status=\"200\",tenant=\"t1\",le=\"0.1\"} 2"),
        scrape);
    assertTrue(
        scrape.contains(
            "rollcall_scim_requests_seconds_count{endpoint=\"Users\",method=\"POST\","
                + "status=\"409\",tenant=\"t2\"} 1"),
        scrape);
  }

  @Test
  void theHistogramHasAFewFixedBucketsNotAPercentileHistogram() {
    metrics.scimRequest("t1", "Users", "GET", 200, 1_000_000);

    long buckets =
        Arrays.stream(metrics.scrape().split("\n"))
            .filter(line -> line.startsWith("rollcall_scim_requests_seconds_bucket{"))
            .count();

    // 11 bounds and +Inf for the single series.
    assertTrue(buckets == 12, "buckets: " + buckets);
  }

  @Test
  void refusalsAndFailuresAreCountedByTheirFixedLabels() {
    metrics.credentialRefused("scim", "revoked");
    metrics.credentialRefused("scim", "revoked");
    metrics.webhookDeliveryFailed("t1");
    metrics.rateLimited("t1", "server");

    String scrape = metrics.scrape();

    assertTrue(
        scrape.contains("rollcall_auth_failures_total{plane=\"scim\",reason=\"revoked\"} 2.0"),
        scrape);
    assertTrue(scrape.contains("rollcall_webhook_delivery_failures_total{tenant=\"t1\"} 1.0"));
    assertTrue(
        scrape.contains("rollcall_ratelimit_refusals_total{limit=\"server\",tenant=\"t1\"} 1.0"));
  }

  @Test
  void theJvmsOwnMetersComeWithTheLibrary() {
    String scrape = metrics.scrape();

    assertTrue(scrape.contains("jvm_memory_used_bytes{"), "heap");
    assertTrue(scrape.contains("jvm_threads_live_threads"), "threads");
    assertTrue(scrape.contains("process_uptime_seconds"), "uptime");
    assertFalse(scrape.contains("rollcall_scim_requests"), "no series before a request");
  }
}
