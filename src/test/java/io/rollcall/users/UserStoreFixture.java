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
    factory = database.migrated().entityManagerFactory();
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
    Map<String, Object> canonical = ScimJson.parseStored(json);
    UserRow user = new UserRow(tenantId, Instant.now());
    Object externalId = canonical.get("externalId");
    user.store(
        (String) canonical.get("userName"),
        externalId instanceof String s ? s : null,
        !Boolean.FALSE.equals(canonical.get("active")),
        UserDocuments.toStored(type, canonical),
        Instant.now());
    em.getTransaction().begin();
    repository.insert(user);
    em.flush();
    repository.reindex(user, AttributeIndex.values(type, canonical));
    em.getTransaction().commit();
    return user.id();
  }

  @Override
  public void close() {
    em.close();
    factory.close();
  }
}
