package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.connection.ConnectionService;
import io.rollcall.connection.ConnectionVerdict;
import io.rollcall.web.InvalidInputException;
import io.rollcall.webhooks.WebhookSender;
import io.rollcall.webhooks.WebhookService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The connection check on the tenant page: the verdict on the identity provider's last day of
 * requests, its facts and fixes, and a button that sends the tenant's webhook a test event and
 * shows what the receiver answered.
 */
@Named
@ViewScoped
public class ConnectionPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TenantPage tenantPage;
  @Inject ConnectionService connections;
  @Inject WebhookService webhooks;
  @Inject WebhookSender sender;
  @Inject AdminTrail trail;

  private ConnectionVerdict verdict;
  private boolean webhook;
  private String testAnswer;
  private boolean testAccepted;

  public void load() {
    if (tenantPage.getName() == null) {
      return;
    }
    String tenantId = tenantPage.getId();
    verdict = connections.check(tenantId, tenantPage.getScimBaseUrl());
    webhook = webhooks.find(tenantId).isPresent();
  }

  /** Sends the test event; the page shows the answer without leaving. */
  public String sendTest() {
    String tenantId = tenantPage.getId();
    AdminAction action = AdminAction.of("webhook.test", tenantId);
    try {
      WebhookSender.TestOutcome outcome =
          trail.runSeparately(
              action,
              () -> sender.sendTest(tenantId),
              o -> action.withDetail("receiver answered " + o.describe()));
      testAccepted = outcome.accepted();
      testAnswer =
          outcome.accepted()
              ? "The receiver accepted the test event: " + outcome.describe() + "."
              : "The receiver did not accept the test event: "
                  + outcome.describe()
                  + ". Rollcall retries real events until it answers 2xx.";
    } catch (InvalidInputException e) {
      PageOutcomes.error("webhook-test", e.getMessage());
    }
    return null;
  }

  public ConnectionVerdict getVerdict() {
    return verdict;
  }

  public boolean isWebhook() {
    return webhook;
  }

  public String getTestAnswer() {
    return testAnswer;
  }

  public boolean isTestAccepted() {
    return testAccepted;
  }

  /** The state's badge class and words. */
  public String getBadgeClass() {
    if (verdict == null) {
      return "muted";
    }
    return switch (verdict.state()) {
      case OK -> "ok";
      case ATTENTION -> "warn";
      case FAILING -> "attention";
      case NOTHING_YET -> "muted";
    };
  }

  public String getStateLabel() {
    if (verdict == null) {
      return "";
    }
    return switch (verdict.state()) {
      case OK -> "Working";
      case ATTENTION -> "Working, with errors";
      case FAILING -> "Failing";
      case NOTHING_YET -> "Nothing yet";
    };
  }

  /** How the identity provider was recognised, in words. */
  public String getIdentifiedBy() {
    if (verdict == null) {
      return "";
    }
    return switch (verdict.identifiedBy()) {
      case USER_AGENT -> "recognised by its User-Agent";
      case REQUEST_SHAPES -> "recognised by the shape of its requests";
      case TENANT_SETTING -> "named in this tenant's settings; its requests do not say";
      case NONE -> "not recognised";
    };
  }
}
