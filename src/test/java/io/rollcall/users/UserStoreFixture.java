package io.rollcall.users;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A test database (H2 or PostgreSQL) built by the real migrations, with the real entities and
 * repository, for testing the query layer without a container.
 */
final class UserStoreFixture implements AutoCloseable {

  final EntityManagerFactory factory;
  final EntityManager em;
  final UserRepository repository = new UserRepository();
  final ResourceTypeDefinition type = SchemaRegistry.standard().user();

  UserStoreFixture(TestDatabase database) {
    this(database, Map.of());
  }

  /** With persistence properties overridden, e.g. to capture the SQL sent. */
  UserStoreFixture(TestDatabase database, Map<String, Object> persistenceOverrides) {
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

  /** Stores a user given as SCIM JSON (already canonical) and returns its id. */
  String add(String tenantId, String json) {
    em.getTransaction().begin();
    String id = insert(tenantId, json);
    em.getTransaction().commit();
    return id;
  }

  /** Stores {@code count} users in one transaction; {@code json} gives the i-th one's SCIM JSON. */
  void addMany(String tenantId, int count, IntFunction<String> json) {
    em.getTransaction().begin();
    for (int i = 0; i < count; i++) {
      insert(tenantId, json.apply(i));
      if (i % 200 == 199) {
        em.flush();
        em.clear();
      }
    }
    em.getTransaction().commit();
    em.clear();
  }

  private String insert(String tenantId, String json) {
    Map<String, Object> canonical = ScimJson.parseStored(json);
    UserRow user = new UserRow(tenantId, Instant.now());
    Object externalId = canonical.get("externalId");
    user.store(
        (String) canonical.get("userName"),
        externalId instanceof String s ? s : null,
        !Boolean.FALSE.equals(canonical.get("active")),
        UserDocuments.toStored(type, canonical),
        Instant.now());
    repository.insert(user);
    em.flush();
    repository.reindex(user, AttributeIndex.values(type, canonical));
    return user.id();
  }

  @Override
  public void close() {
    em.close();
    factory.close();
  }
}
