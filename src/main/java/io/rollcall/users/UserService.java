package io.rollcall.users;

import io.rollcall.accounts.AccountDirectory;
import io.rollcall.audit.DroppedAttributeNotes;
import io.rollcall.permissions.PermissionService;
import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.resource.AttributeProjection;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.ResourceSearch;
import io.rollcall.security.CurrentClient;
import io.rollcall.tenant.DeletePolicy;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The use cases of {@code /Users}. Each public method is one transaction, so a PUT, a PATCH with
 * many operations, or a create racing another create is atomic. The tenant always comes from the
 * authenticated client.
 *
 * <p>One write path: create, PUT and PATCH all end in {@link #store}, which validates the complete
 * canonical representation, enforces uniqueness and rewrites the index.
 */
@Stateless
public class UserService {

  @Inject CurrentClient client;
  @Inject TenantService tenants;
  @Inject UserRepository users;
  @Inject AccountDirectory accounts;
  @Inject UserEvents events;
  @Inject PermissionService permissions;
  @Inject UserGroups groups;
  @Inject People people;
  @Inject DroppedAttributeNotes dropped;

  Clock clock = Clock.systemUTC();

  /**
   * What the caller's identity provider may send that the RFC would refuse (its tenant's profile).
   */
  public Tolerances tolerances() {
    return client.tenant().idpProfile().tolerances();
  }

  /** The User resource type as the calling tenant sees it. */
  public ResourceTypeDefinition userType() {
    return client.tenant().schemaRegistry().user();
  }

  public User create(Map<String, Object> input) {
    ResourceTypeDefinition type = userType();
    Map<String, Object> canonical = canonical(input, type, tolerances());
    UserRow user = new UserRow(client.tenantId(), clock.instant());
    store(type, user, canonical, null);
    return view(type, user);
  }

  public User get(String id) {
    return get(id, true);
  }

  /**
   * @param withGroups whether to compute {@code groups}; false when the projection drops it
   */
  public User get(String id, boolean withGroups) {
    ResourceTypeDefinition type = userType();
    User user = view(type, existing(id, false));
    return withGroups ? withGroups(List.of(user)).get(0) : user;
  }

  /** RFC 7644 §3.5.1: replaces every client-writable attribute; read-only ones are ignored. */
  public User replace(String id, Map<String, Object> input, String ifMatch) {
    ResourceTypeDefinition type = userType();
    UserRow user = existing(id, true);
    Versions.checkIfMatch(ifMatch, user.version());
    Map<String, Object> current = UserDocuments.fromStored(type, user.document());
    Map<String, Object> canonical = canonical(input, type, tolerances());
    new ResourceNormalizer(type).checkReplace(current, canonical);
    if (!sameAttributes(current, canonical)) {
      store(type, user, canonical, current);
    }
    return withGroups(List.of(view(type, user))).get(0);
  }

  /**
   * RFC 7644 §3.5.2: applies the operations to the stored representation, then validates and stores
   * the result through the same path as PUT. Any failing operation leaves the user as it was.
   */
  public User patch(String id, List<PatchOperation> operations, String ifMatch) {
    ResourceTypeDefinition type = userType();
    UserRow user = existing(id, true);
    Versions.checkIfMatch(ifMatch, user.version());
    Map<String, Object> current = UserDocuments.fromStored(type, user.document());
    DroppedAttributes names = new DroppedAttributes();
    Map<String, Object> patched = PatchEngine.apply(current, operations, type, tolerances(), names);
    dropped.note(names);
    Map<String, Object> canonical = canonical(patched, type, tolerances());
    if (!sameAttributes(current, canonical)) {
      store(type, user, canonical, current);
    }
    return withGroups(List.of(view(type, user))).get(0);
  }

  /**
   * Removes the user from SCIM. Under the tenant's "deprovision" policy a record of who was removed
   * and when is kept; under "erase" nothing is. The account of an access-only tenant is never
   * touched: it belongs to the host app.
   */
  public void delete(String id, String ifMatch) {
    UserRow user = existing(id, true);
    Versions.checkIfMatch(ifMatch, user.version());
    if (client.tenant().deletePolicy() == DeletePolicy.DEPROVISION) {
      users.recordDeprovisioned(new DeprovisionedUser(user, clock.instant()));
    }
    events.deleted(user);
    groups.removeFromAllGroups(client.tenantId(), user.id());
    users.delete(user);
  }

  /** One page of users and what a client needs to fetch the next one. */
  public record UserPage(long totalResults, int startIndex, List<User> users, String nextCursor) {}

  public UserPage search(ListRequest request) {
    UserPage page = searchWithoutGroups(request);
    boolean withGroups =
        AttributeProjection.of(userType(), request.attributes(), request.excludedAttributes())
            .includes(GROUPS);
    return withGroups
        ? new UserPage(
            page.totalResults(), page.startIndex(), withGroups(page.users()), page.nextCursor())
        : page;
  }

  private UserPage searchWithoutGroups(ListRequest request) {
    ResourceTypeDefinition type = userType();
    ResourceSearch.Listed<UserRow> page =
        users.searches().list(client.tenantId(), type, request, clock.instant(), tolerances());
    return new UserPage(
        page.total(), page.startIndex(), views(type, page.rows()), page.nextCursor());
  }

  // ---- the one write path ----

  /**
   * @param before the user's representation before this change, or null for a new user
   */
  private void store(
      ResourceTypeDefinition type,
      UserRow user,
      Map<String, Object> canonical,
      Map<String, Object> before) {
    boolean isNew = before == null;
    boolean wasActive = !isNew && user.isActive();
    String userName = (String) canonical.get("userName");
    if (users.userNameTaken(client.tenantId(), userName, isNew ? null : user.id())) {
      throw ScimException.uniqueness("userName '" + userName + "' is already taken");
    }
    boolean userNameChanges =
        isNew || !CaseFolding.fold(userName).equals(CaseFolding.fold(user.userName()));
    if (userNameChanges
        && client.tenant().provisioningMode() == ProvisioningMode.ACCESS_ONLY
        && !accounts.exists(client.tenantId(), userName)) {
      throw noAccount(userName);
    }
    Object externalId = canonical.get("externalId");
    boolean active = !Boolean.FALSE.equals(canonical.get("active"));
    user.store(
        userName,
        externalId instanceof String s ? s : null,
        active,
        UserDocuments.toStored(type, canonical),
        // RFC 7643 §3.1: a resource never modified has lastModified equal to created.
        isNew ? user.createdAt() : clock.instant());
    if (isNew) {
      users.insert(user);
    }
    try {
      users.flush();
    } catch (PersistenceException e) {
      // A concurrent create won the unique index between our check and our insert.
      throw ScimException.uniqueness("userName '" + userName + "' is already taken");
    }
    users.reindex(
        user, AttributeIndex.values(type, UserDocuments.fromStored(type, user.document())));
    // The rules as committed now, not as the request's authentication saw them: another node may
    // have changed the rules and re-evaluated this user since (a /Bulk request runs for a while).
    Tenant tenant = tenants.get(client.tenantId());
    List<String> permissionGroups =
        PersonDocuments.groups(
            permissions.ruleSet(tenant), type, user, people.hrRecord(tenant, user).orElse(null));
    if (isNew) {
      events.initialGroups(user, permissionGroups);
      events.provisioned(user, canonical);
    } else {
      events.changed(user, wasActive, before, canonical);
      events.groupsChanged(user, permissionGroups);
    }
    users.flush();
  }

  /**
   * Access-only tenants grant access to people who already exist in the app. A userName with no
   * account is a value "not compatible with the operation" — RFC 7644 §3.12 {@code invalidValue}, a
   * 400 the IdP shows to the IT admin — not a 404 (the endpoint exists) nor a 409 (nothing
   * conflicts). Nothing is created or changed.
   */
  private static ScimException noAccount(String userName) {
    return ScimException.invalidValue(
            "No account with the email '"
                + userName
                + "' exists in the app. This tenant uses access-only provisioning: SCIM grants access"
                + " to people who already exist in the app (matched by email) and never creates"
                + " them. Add the person to the app first, then retry.")
        .withAuditCode(ScimException.NO_ACCOUNT);
  }

  private UserRow existing(String id, boolean forUpdate) {
    if (id == null || id.length() > 64) {
      throw ScimException.notFound("No user with id " + id);
    }
    return (forUpdate
            ? users.findForUpdate(client.tenantId(), id)
            : users.find(client.tenantId(), id))
        .orElseThrow(() -> ScimException.notFound("No user with id " + id));
  }

  private static boolean sameAttributes(Map<String, Object> current, Map<String, Object> next) {
    return Objects.equals(current, next);
  }

  /**
   * Validates client input into the canonical form. A password is accepted, as Okta sends one, but
   * Rollcall authenticates no one with it, so it is dropped here and never stored or returned.
   *
   * <p>A user sent without {@code active} (OneLogin's default template has none) is active — RFC
   * 7643 §4.1.1 leaves the meaning to the service provider, and Rollcall grants such a user access
   * — so the stored and returned representation says {@code "active": true} (RFC 7644 §3.3: the
   * answer is the resource as the service provider holds it).
   */
  private Map<String, Object> canonical(
      Map<String, Object> input, ResourceTypeDefinition type, Tolerances tolerances) {
    DroppedAttributes names = new DroppedAttributes();
    Map<String, Object> canonical =
        new ResourceNormalizer(type, tolerances, names).normalize(input);
    dropped.note(names);
    canonical.remove("password");
    canonical.putIfAbsent("active", Boolean.TRUE);
    return canonical;
  }

  // ---- groups (RFC 7643 §4.1.2), read-only and computed, never stored ----

  static final AttributePath GROUPS = AttributePath.of("groups");

  /** Adds each user's direct and indirect groups, with one query for the whole list. */
  private List<User> withGroups(List<User> page) {
    if (page.isEmpty() || !client.tenant().groupsEnabled()) {
      return page;
    }
    Map<String, List<UserGroups.UserGroup>> found =
        groups.groupsOf(client.tenantId(), page.stream().map(User::id).toList());
    return page.stream()
        .map(
            user -> {
              List<UserGroups.UserGroup> of = found.get(user.id());
              if (of == null || of.isEmpty()) {
                return user;
              }
              Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
              attributes.put(
                  "groups",
                  of.stream()
                      .map(
                          g -> {
                            Map<String, Object> element = new LinkedHashMap<>();
                            element.put("value", g.groupId());
                            element.put("display", g.display());
                            element.put("type", g.direct() ? "direct" : "indirect");
                            return element;
                          })
                      .toList());
              return new User(
                  user.id(), attributes, user.created(), user.lastModified(), user.version());
            })
        .toList();
  }

  private List<User> views(ResourceTypeDefinition type, List<UserRow> page) {
    return page.stream().map(u -> view(type, u)).toList();
  }

  private static User view(ResourceTypeDefinition type, UserRow user) {
    return new User(
        user.id(),
        UserDocuments.fromStored(type, user.document()),
        user.createdAt(),
        user.lastModified(),
        user.version());
  }
}
