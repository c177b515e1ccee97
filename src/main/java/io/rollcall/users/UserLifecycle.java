package io.rollcall.users;

import io.rollcall.permissions.PermissionService;
import io.rollcall.permissions.RuleSet;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.CursorPaging;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Lifecycle work that runs outside any SCIM request, on behalf of a tenant's policy. */
@Stateless
public class UserLifecycle {

  /** Users erased per transaction, so a large backlog never holds one long transaction. */
  static final int BATCH = 200;

  @Inject UserRepository users;
  @Inject TenantService tenants;
  @Inject PermissionService permissions;
  @Inject UserEvents events;
  @Inject UserGroups groups;

  /**
   * The outcome of one batch: how many users changed groups, and where to continue (null: done).
   */
  public record Batch(int changed, String lastId) {}

  /**
   * Evaluates the tenant's permission rules for one batch of users after {@code afterId} (in id
   * order), storing changed groups with their events. One short transaction per batch.
   */
  public Batch recomputePermissions(String tenantId, String afterId) {
    Tenant tenant = tenants.get(tenantId);
    ResourceTypeDefinition type = tenant.schemaRegistry().user();
    RuleSet rules = permissions.ruleSet(tenant);
    List<UserRow> batch = users.batchForUpdate(tenantId, afterId, BATCH);
    int changed = 0;
    for (UserRow user : batch) {
      List<String> groups = rules.groupsFor(UserDocuments.forFilters(type, user));
      if (events.groupsChanged(user, groups)) {
        changed++;
      }
    }
    return new Batch(changed, batch.size() < BATCH ? null : batch.get(batch.size() - 1).id());
  }

  /** How many of the tenant's users a filter matches now, and a few of their userNames. */
  public record Matches(long total, List<String> sample) {}

  public Matches matching(String tenantId, String filterText) {
    ResourceTypeDefinition type = tenants.get(tenantId).schemaRegistry().user();
    CursorPaging.Counted<UserRow> page =
        users
            .searches()
            .page(tenantId, type, FilterParser.parse(filterText, type), null, 0, 10, null);
    return new Matches(page.total(), page.rows().stream().map(UserRow::userName).toList());
  }

  /**
   * Erases (without a deprovisioning record) one batch of the tenant's users that were deactivated
   * before the cutoff; returns how many. Call again while it returns {@link #BATCH}.
   */
  public int eraseDeactivatedBefore(String tenantId, Instant cutoff) {
    List<String> ids = users.deactivatedBefore(tenantId, cutoff, BATCH);
    for (String id : ids) {
      users
          .findForUpdate(tenantId, id)
          .filter(u -> !u.isActive())
          .ifPresent(
              u -> {
                events.deleted(u);
                groups.removeFromAllGroups(tenantId, u.id());
                users.delete(u);
              });
    }
    return ids.size();
  }

  public static int batchSize() {
    return BATCH;
  }
}
