package io.rollcall.groups;

import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A test database (H2 or PostgreSQL) built by the real migrations, with the real entities and group
 * repository, for testing the group queries without a container. Users are inserted as rows: the
 * group queries read only their id, tenant and userName.
 */
final class GroupStoreFixture implements AutoCloseable {

  final EntityManagerFactory factory;
  final EntityManager em;
  final GroupRepository repository = new GroupRepository();
  final ResourceTypeDefinition type = GroupPatchTest.GROUP;

  GroupStoreFixture(TestDatabase database) {
    this(database, Map.of());
  }

  /** With persistence properties overridden, e.g. to capture the SQL sent. */
  GroupStoreFixture(TestDatabase database, Map<String, Object> persistenceOverrides) {
    factory = database.migrated().entityManagerFactory(persistenceOverrides);
    em = factory.createEntityManager();
    repository.em = em;
  }

  String newTenant(String name) {
    Tenant tenant = new Tenant(name, Instant.now());
    em.getTransaction().begin();
    em.persist(tenant);
    em.getTransaction().commit();
    return tenant.id();
  }

  String addUser(String tenantId, String userName) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    em.getTransaction().begin();
    em.createNativeQuery(
            "INSERT INTO scim_user (id, tenant_id, user_name, user_name_key, active, document,"
                + " created_at, last_modified, version) VALUES (?1, ?2, ?3, ?4, 1, '{}', ?5, ?6, 1)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, userName)
        .setParameter(4, userName.toLowerCase())
        .setParameter(5, now)
        .setParameter(6, now)
        .executeUpdate();
    em.getTransaction().commit();
    return id;
  }

  /** Stores a group with the given direct members (ids of users or groups, with their types). */
  String addGroup(String tenantId, String displayName, String externalId, Object... members) {
    GroupRow group = new GroupRow(tenantId, Instant.now());
    Map<String, Object> canonical = new LinkedHashMap<>();
    if (externalId != null) {
      canonical.put("externalId", externalId);
    }
    canonical.put("displayName", displayName);
    group.store(displayName, externalId, GroupDocuments.toStored(canonical), Instant.now());
    em.getTransaction().begin();
    repository.insert(group);
    em.flush();
    Map<String, MemberType> rows = new LinkedHashMap<>();
    for (int i = 0; i + 1 < members.length; i += 2) {
      rows.put((String) members[i], (MemberType) members[i + 1]);
    }
    repository.addMembers(group, rows);
    em.getTransaction().commit();
    return group.id();
  }

  /** Makes {@code memberGroupId} a member of {@code groupId}, after both exist. */
  void nest(String tenantId, String groupId, String memberGroupId) {
    GroupRow group = repository.find(tenantId, groupId).orElseThrow();
    em.getTransaction().begin();
    repository.addMembers(group, Map.of(memberGroupId, MemberType.GROUP));
    em.getTransaction().commit();
  }

  @Override
  public void close() {
    em.close();
    factory.close();
  }
}
