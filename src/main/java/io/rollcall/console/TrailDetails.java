package io.rollcall.console;

import io.rollcall.accounts.UploadReport;
import io.rollcall.permissions.PermissionRule;
import io.rollcall.security.BearerSecret;
import io.rollcall.tenant.TenantService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How console actions describe themselves in the admin trail, the same way the admin API does.
 * Nothing here may reveal a secret: tokens and keys by id and display prefix, webhooks by host.
 */
final class TrailDetails {

  private TrailDetails() {}

  static String secret(BearerSecret secret) {
    return "token " + secret.id() + " (" + secret.prefix() + "…)";
  }

  static String host(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "(no host)" : "host " + host;
    } catch (IllegalArgumentException e) {
      return "(not a URL)";
    }
  }

  static String change(TenantService.TenantChange c) {
    List<String> parts = new ArrayList<>();
    add(parts, "name", c.name());
    add(parts, "active", c.active());
    add(parts, "customUserSchema", c.customUserSchema());
    add(parts, "groupsEnabled", c.groupsEnabled());
    add(parts, "provisioningMode", c.provisioningMode());
    add(parts, "deletePolicy", c.deletePolicy());
    if (c.eraseDeactivatedAfterDaysGiven()) {
      parts.add("eraseDeactivatedAfterDays=" + c.eraseDeactivatedAfterDays());
    }
    add(parts, "scimRateLimit", c.scimRateLimit());
    add(parts, "scimRequestsPerSecond", c.scimRequestsPerSecond());
    add(parts, "scimBurst", c.scimBurst());
    add(parts, "idpProfile", c.idpProfile());
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + value);
    }
  }

  static String upload(UploadReport r) {
    return "CSV "
        + r.getMode()
        + ": received "
        + r.getReceived()
        + ", created "
        + r.getCreated()
        + ", updated "
        + r.getUpdated()
        + ", unchanged "
        + r.getUnchanged()
        + ", rejected "
        + r.getRejected()
        + ", departed "
        + r.getDeparted()
        + (r.isDeparturesRefused() ? ", departures refused (" + r.getMissing() + " missing)" : "");
  }

  static String rules(List<PermissionRule> saved) {
    return saved.size()
        + " rule(s): "
        + String.join("; ", saved.stream().map(r -> r.groupName() + " <- " + r.filter()).toList());
  }
}
