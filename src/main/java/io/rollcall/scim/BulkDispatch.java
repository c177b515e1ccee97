package io.rollcall.scim;

import io.rollcall.audit.AuditFeature;
import io.rollcall.audit.AuditQueue;
import io.rollcall.audit.AuditRecord;
import io.rollcall.groups.Group;
import io.rollcall.groups.GroupRepresentation;
import io.rollcall.groups.GroupService;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import io.rollcall.protocol.bulk.BulkEngine;
import io.rollcall.protocol.bulk.BulkExecutor;
import io.rollcall.protocol.bulk.BulkRequest;
import io.rollcall.protocol.bulk.BulkResponse;
import io.rollcall.protocol.bulk.BulkResult;
import io.rollcall.protocol.patch.PatchRequests;
import io.rollcall.ratelimit.RateLimitExceeded;
import io.rollcall.ratelimit.ScimRateLimits;
import io.rollcall.security.CurrentClient;
import io.rollcall.security.ScimClient;
import io.rollcall.users.User;
import io.rollcall.users.UserRepresentation;
import io.rollcall.users.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriBuilderException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs the operations of a bulk request through the same service calls as the single requests of
 * {@code /Users} and {@code /Groups}: one call, hence one transaction, per operation (this bean has
 * no transaction of its own), so a failing operation rolls back only itself. Each operation also
 * gets its own audit entry, as its single request would.
 */
@RequestScoped
public class BulkDispatch {

  @Inject UserService users;
  @Inject GroupService groups;
  @Inject CurrentClient client;
  @Inject AuditQueue audit;
  @Inject HttpServletRequest request;
  @Inject ScimRateLimits limits;

  Clock clock = Clock.systemUTC();

  public Map<String, Object> run(Map<String, Object> body, URI base) {
    BulkRequest request = BulkRequest.parse(body, ScimLimits.MAX_BULK_OPERATIONS);
    int more = request.operations().size() - 1;
    if (more > 0) {
      limits
          .admit(client.client(), more)
          .ifPresent(
              refusal -> {
                throw new RateLimitExceeded(refusal);
              });
    }
    List<BulkResult> results = BulkEngine.run(request, new Executor(base), clock);
    if (AuditFeature.enabled()) {
      record(results);
    }
    return BulkResponse.render(results);
  }

  /** Operations that named no known method are no request of any endpoint, and are not recorded. */
  private void record(List<BulkResult> results) {
    ScimClient caller = client.client();
    String userAgent = request.getHeader("User-Agent");
    for (BulkResult result : results) {
      if (result.method() == null) {
        continue;
      }
      audit.offer(
          new AuditRecord(
              caller.tenantId(),
              result.startedAt(),
              caller.tokenPrefix(),
              result.method().name(),
              result.path() == null ? "/Bulk" : result.path(),
              null,
              result.status(),
              result.resourceId(),
              result.durationMs(),
              null,
              userAgent,
              result.error() == null ? null : result.error().auditCode()));
    }
  }

  private final class Executor implements BulkExecutor {

    private final URI base;

    Executor(URI base) {
      this.base = base;
    }

    /** Null for an id that makes no URL (a client's id with a template brace, say). */
    @Override
    public String location(String endpoint, String id) {
      try {
        return ("Users".equals(endpoint)
                ? UserRepresentation.location(base, id)
                : GroupRepresentation.location(base, id))
            .toString();
      } catch (IllegalArgumentException | UriBuilderException e) {
        return null;
      }
    }

    @Override
    public Outcome execute(Call call) {
      try {
        return "Users".equals(call.endpoint()) ? user(call) : group(call);
      } catch (RuntimeException e) {
        ScimFailure failure = ScimFailure.of(e);
        ScimException error =
            new ScimException(failure.status(), failure.scimType(), failure.detail());
        String code = ScimFailure.auditCode(e);
        // The finer code (no_account, unknown_attribute) is what the connection check reads.
        return Outcome.failure(
            code == null || code.equals(failure.scimType()) ? error : error.withAuditCode(code));
      }
    }

    /** As {@code UsersResource}: the same service call and status for each method. */
    private Outcome user(Call call) {
      return switch (call.method()) {
        case POST -> success(201, users.create(call.data()));
        case PUT -> success(200, users.replace(call.id(), call.data(), call.version()));
        case PATCH ->
            success(200, users.patch(call.id(), PatchRequests.parse(call.data()), call.version()));
        case DELETE -> {
          users.delete(call.id(), call.version());
          yield Outcome.success(204, call.id(), null);
        }
      };
    }

    /**
     * As {@code GroupsResource}, which answers a PATCH with 204 when no projection is asked for.
     * The group type is checked first, as the resource does, so a tenant without groups gets 404
     * for every operation whatever its data.
     */
    private Outcome group(Call call) {
      groups.groupType();
      return switch (call.method()) {
        case POST -> success(201, groups.create(call.data(), false));
        case PUT -> success(200, groups.replace(call.id(), call.data(), call.version(), false));
        case PATCH ->
            success(
                204,
                groups.patch(call.id(), PatchRequests.parse(call.data()), call.version(), false));
        case DELETE -> {
          groups.delete(call.id(), call.version());
          yield Outcome.success(204, call.id(), null);
        }
      };
    }

    private static Outcome success(int status, User user) {
      return Outcome.success(status, user.id(), user.etag());
    }

    private static Outcome success(int status, Group group) {
      return Outcome.success(status, group.id(), group.etag());
    }
  }
}
