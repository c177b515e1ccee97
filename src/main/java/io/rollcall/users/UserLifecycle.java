package io.rollcall.users;

import io.rollcall.accounts.HrRecord;
import io.rollcall.permissions.PermissionService;
import io.rollcall.permissions.RuleSet;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterEvaluator;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.CursorPaging;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  @Inject People people;

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
    return recompute(tenant, users.batchForUpdate(tenantId, afterId, BATCH));
  }

  /**
   * Like {@link #recomputePermissions}, for the users whose account changed at or after {@code
   * since}: after an account upload, only the people whose HR data (or place in the hierarchy)
   * changed can have earned other groups.
   */
  public Batch recomputeChangedAccounts(String tenantId, Instant since, String afterId) {
    Tenant tenant = tenants.get(tenantId);
    return recompute(
        tenant, users.batchWithAccountChangedForUpdate(tenantId, since, afterId, BATCH));
  }

  private Batch recompute(Tenant tenant, List<UserRow> batch) {
    ResourceTypeDefinition type = tenant.schemaRegistry().user();
    RuleSet rules = permissions.ruleSet(tenant);
    Map<String, HrRecord> hr = people.hrRecords(tenant, batch);
    int changed = 0;
    for (UserRow user : batch) {
      List<String> groups = PersonDocuments.groups(rules, type, user, hr.get(user.id()));
      if (events.groupsChanged(user, groups)) {
        changed++;
      }
    }
    return new Batch(changed, batch.size() < BATCH ? null : batch.get(batch.size() - 1).id());
  }

  /** How many of the tenant's users a filter matches now, and a few of their userNames. */
  public record Matches(long total, List<String> sample) {}

  public Matches matching(String tenantId, String filterText) {
    Tenant tenant = tenants.get(tenantId);
    ResourceTypeDefinition type = tenant.schemaRegistry().user();
    if (people.hasHrRecords(tenant)) {
      return matchingPeople(tenant, type, FilterParser.parse(filterText, type));
    }
    CursorPaging.Counted<UserRow> page =
        users
            .searches()
            .page(tenantId, type, FilterParser.parse(filterText, type), null, 0, 10, null);
    return new Matches(page.total(), page.rows().stream().map(UserRow::userName).toList());
  }

  /**
   * The preview of an access-only tenant: the HR record is part of each person's data, so the
   * filter is evaluated in memory exactly as the rules are, over the users in batches (each batch
   * is read, evaluated and dropped before the next).
   */
  private Matches matchingPeople(Tenant tenant, ResourceTypeDefinition type, Filter filter) {
    long total = 0;
    List<String> sample = new ArrayList<>();
    String after = "";
    while (after != null) {
      List<UserRow> batch = users.batch(tenant.id(), after, BATCH);
      Map<String, HrRecord> hr = people.hrRecords(tenant, batch);
      for (UserRow user : batch) {
        HrRecord record = hr.get(user.id());
        if (record != null && record.departed()) {
          continue;
        }
        Map<String, Object> person =
            PersonDocuments.merge(type, UserDocuments.forFilters(type, user), record);
        if (FilterEvaluator.matches(filter, person, type)) {
          total++;
          if (sample.size() < 10) {
            sample.add(user.userName());
          }
        }
      }
      after = batch.size() < BATCH ? null : batch.get(batch.size() - 1).id();
      users.clear();
    }
    return new Matches(total, sample);
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
