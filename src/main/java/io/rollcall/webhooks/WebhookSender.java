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

  /** Posts the event; null when the receiver accepted it, else what went wrong. */
  private String attempt(WebhookService.Delivery delivery) {
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
      int status =
          WebhookClient.post(
              webhooks.destination(delivery.url()),
              headers,
              delivery.body(),
              CONNECT_TIMEOUT,
              webhooks.timeout());
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (WebhookDestination.Refused e) {
      LOG.info(
          "Webhook of tenant "
              + delivery.tenantId()
              + " refused at delivery: "
              + e.internalReason()
              + " (see rollcall.webhooks.allow-private)");
      return CONNECTION_FAILED;
    } catch (SocketTimeoutException e) {
      return "timeout";
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Webhook delivery of tenant " + delivery.tenantId() + " failed", e);
      return CONNECTION_FAILED;
    }
  }
}
