package io.rollcall.webhooks;

import io.rollcall.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one delivery attempt: reads the next event in one short transaction, POSTs it with no
 * transaction open (a receiver that takes its time holds no database connection or row lock), and
 * stores the outcome in another. Not an EJB on purpose: nothing here may run inside a transaction.
 */
@ApplicationScoped
public class WebhookSender {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  static final String CONNECTION_FAILED = "connection failed";

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  @Inject WebhookService webhooks;
  @Inject Metrics metrics;

  Clock clock = Clock.systemUTC();

  /**
   * Sends the tenant's next event. Returns true when the receiver accepted it (so there may be
   * more), false when nothing is due, nothing is pending or the attempt failed.
   */
  public boolean deliverNext(String tenantId) {
    Optional<WebhookService.Delivery> next = webhooks.nextDelivery(tenantId);
    if (next.isEmpty()) {
      return false;
    }
    WebhookService.Delivery delivery = next.get();
    String error = attempt(delivery);
    if (error != null) {
      metrics.webhookDeliveryFailed(tenantId);
    }
    return webhooks.recordOutcome(tenantId, delivery.seq(), error);
  }

  /** Longest an attempt can take: connecting, then waiting for the answer. */
  Duration longestAttempt() {
    return CONNECT_TIMEOUT.plus(webhooks.timeout());
  }

  /** How a test event fared: the receiver's status, or why there was none. */
  public record TestOutcome(int status, String error, long millis) {

    public boolean accepted() {
      return error == null && status / 100 == 2;
    }

    /** "HTTP 204 after 35 ms", "timeout after 10000 ms", "connection failed after 3 ms". */
    public String describe() {
      return (error == null ? "HTTP " + status : error) + " after " + millis + " ms";
    }
  }

  /**
   * Sends a signed test event (see {@link WebhookService#testDelivery}) and reports the receiver's
   * answer. Runs outside any transaction, like a delivery; counts in no delivery metric.
   */
  public TestOutcome sendTest(String tenantId) {
    WebhookService.Delivery delivery = webhooks.testDelivery(tenantId);
    long started = System.nanoTime();
    Answer answer = post(delivery);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new TestOutcome(answer.status(), answer.error(), millis);
  }

  /** Posts the event; null when the receiver accepted it, else what went wrong. */
  private String attempt(WebhookService.Delivery delivery) {
    Answer answer = post(delivery);
    if (answer.error() != null) {
      return answer.error();
    }
    return answer.status() / 100 == 2 ? null : "HTTP " + answer.status();
  }

  /** The receiver's status, or (status 0) "timeout" or "connection failed". */
  private record Answer(int status, String error) {}

  private Answer post(WebhookService.Delivery delivery) {
    long timestamp = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Rollcall-Webhooks/1");
    headers.put("Rollcall-Event-Id", delivery.eventId());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(
        WebhookSignature.SIGNATURE_HEADER,
        WebhookSignature.sign(delivery.signingSecret(), timestamp, delivery.body()));
    // The stored error says only the status, "timeout" or "connection failed": anything more
    // (an exception's text, what answered) would turn deliveries into a scanner of the network.
    try {
      return new Answer(
          WebhookClient.post(
              webhooks.destination(delivery.url()),
              headers,
              delivery.body(),
              CONNECT_TIMEOUT,
              webhooks.timeout()),
          null);
    } catch (WebhookDestination.Refused e) {
      LOG.info(
          "Webhook of tenant "
              + delivery.tenantId()
              + " refused at delivery: "
              + e.internalReason()
              + " (see rollcall.webhooks.allow-private)");
      return new Answer(0, CONNECTION_FAILED);
    } catch (SocketTimeoutException e) {
      return new Answer(0, "timeout");
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Webhook delivery of tenant " + delivery.tenantId() + " failed", e);
      return new Answer(0, CONNECTION_FAILED);
    }
  }
}
