package io.rollcall.users;

import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.scim.ScimJson;
import io.rollcall.tenant.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 database built by the real migrations, with the real entities and repository, for
 * testing the query layer without a container.
 */
final class UserStoreFixture implements AutoCloseable {

  final EntityManagerFactory factory;
  final EntityManager em;
  final UserRepository repository = new UserRepository();
  final ResourceTypeDefinition type = SchemaRegistry.standard().user();

  UserStoreFixture() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.jdbc.url", url);
    properties.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
    factory = Persistence.createEntityManagerFactory("rollcall-test", properties);
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
    ScimUser user = new ScimUser(tenantId, Instant.now());
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
