package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestDatabase;
import io.rollcall.web.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin account rules on a real database (H2 and PostgreSQL): the last enabled owner stays,
 * disabled accounts cannot sign in, hashes are strengthened on sign-in, password changes need the
 * current password.
 */
class AdminAccountServiceTest {

  private static final int FAST = 1_000;

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  /** A service on its own entity manager; each call runs in a transaction of its own. */
  private static final class Fixture implements AutoCloseable {
    final EntityManagerFactory factory;
    final AdminAccountService service = new AdminAccountService();

    Fixture(TestDatabase database) {
      factory = database.migrated().entityManagerFactory();
      service.iterations = FAST;
    }

    <T> T tx(Supplier<T> work) {
      EntityManager em = factory.createEntityManager();
      service.em = em;
      try {
        em.getTransaction().begin();
        T result = work.get();
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }

    void run(Runnable work) {
      tx(
          () -> {
            work.run();
            return null;
          });
    }

    @Override
    public void close() {
      factory.close();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theLastEnabledOwnerCanBeNeitherDisabledDemotedNorDeleted(TestDatabase database) {
    try (Fixture f = new Fixture(database)) {
      f.run(() -> f.service.create("root", "owner", "root password 1", null));
      f.run(() -> f.service.create("reader", "auditor", "reader password", "root"));
      assertThrows(
          LastOwnerException.class, () -> f.run(() -> f.service.change("root", null, false)));
      assertThrows(
          LastOwnerException.class, () -> f.run(() -> f.service.change("root", "auditor", null)));
      assertThrows(LastOwnerException.class, () -> f.run(() -> f.service.delete("root")));

      f.run(() -> f.service.create("second", "owner", "second password", "root"));
      f.run(() -> f.service.change("root", null, false));
      // Now "second" is the only enabled owner, and a disabled owner does not count.
      assertThrows(LastOwnerException.class, () -> f.run(() -> f.service.delete("second")));
      f.run(() -> f.service.change("root", null, true));
      f.run(() -> f.service.delete("second"));
      assertTrue(f.tx(() -> f.service.find("second")).isEmpty());
      assertEquals(AdminRole.AUDITOR, f.tx(() -> f.service.get("reader")).role());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDisabledAccountCannotSignInUntilEnabledAgain(TestDatabase database) {
    try (Fixture f = new Fixture(database)) {
      f.run(() -> f.service.create("root", "owner", "root password 1", null));
      f.run(() -> f.service.create("Carol", "auditor", "carol password", "root"));
      assertTrue(f.tx(() -> f.service.verify("carol", "carol password".toCharArray())).isPresent());
      f.run(() -> f.service.change("carol", null, false));
      assertTrue(f.tx(() -> f.service.verify("carol", "carol password".toCharArray())).isEmpty());
      assertTrue(f.tx(() -> f.service.enabled("carol")).isEmpty());
      f.run(() -> f.service.change("CAROL", null, true));
      assertTrue(
          f.tx(() -> f.service.verify("Carol ", "carol password".toCharArray())).isPresent());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aWeakerHashIsReplacedAtTheNextSignIn(TestDatabase database) {
    try (Fixture f = new Fixture(database)) {
      f.run(() -> f.service.create("root", "owner", "root password 1", null));
      String before = f.tx(() -> f.service.get("root")).passwordHash();
      f.service.iterations = FAST * 2;
      assertTrue(f.tx(() -> f.service.verify("root", "root password 1".toCharArray())).isPresent());
      String after = f.tx(() -> f.service.get("root")).passwordHash();
      assertTrue(before.startsWith("PBKDF2WithHmacSHA512:" + FAST + ":"), before);
      assertTrue(after.startsWith("PBKDF2WithHmacSHA512:" + FAST * 2 + ":"), after);
      assertTrue(f.tx(() -> f.service.verify("root", "root password 1".toCharArray())).isPresent());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void changingTheOwnPasswordNeedsTheCurrentOneAndFollowsTheRules(TestDatabase database) {
    try (Fixture f = new Fixture(database)) {
      f.run(() -> f.service.create("root", "owner", "root password 1", null));
      assertThrows(
          InvalidInputException.class,
          () -> f.run(() -> f.service.changePassword("root", "wrong password!", "a new password")));
      assertThrows(
          InvalidInputException.class,
          () -> f.run(() -> f.service.changePassword("root", "root password 1", "too short")));
      assertThrows(
          InvalidInputException.class,
          () ->
              f.run(() -> f.service.changePassword("root", "root password 1", "root password 1")));
      f.run(() -> f.service.changePassword("root", "root password 1", "a new password"));
      assertTrue(f.tx(() -> f.service.verify("root", "root password 1".toCharArray())).isEmpty());
      assertTrue(f.tx(() -> f.service.verify("root", "a new password".toCharArray())).isPresent());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void creatingChecksNameRoleAndPasswordAndCanGenerateOne(TestDatabase database) {
    try (Fixture f = new Fixture(database)) {
      AdminAccountService.Created generated =
          f.tx(() -> f.service.create("ops@example.com", "auditor", null, "root"));
      assertNotNull(generated.generatedPassword());
      assertEquals(24, generated.generatedPassword().length());
      assertTrue(
          f.tx(
                  () ->
                      f.service.verify(
                          "ops@example.com", generated.generatedPassword().toCharArray()))
              .isPresent());
      assertNull(
          f.tx(() -> f.service.create("chosen", "owner", "a chosen password", "root"))
              .generatedPassword());
      for (String[] bad :
          new String[][] {
            {"", "owner", "a chosen password"},
            {"has space", "owner", "a chosen password"},
            {"-dash", "owner", "a chosen password"},
            {"x".repeat(101), "owner", "a chosen password"},
            {"fine", "superuser", "a chosen password"},
            {"fine", "owner", "short"},
            {"chosen", "owner", "a chosen password"},
          }) {
        assertThrows(
            InvalidInputException.class,
            () -> f.run(() -> f.service.create(bad[0], bad[1], bad[2], "root")),
            String.join(" / ", bad));
      }
      assertFalse(f.tx(() -> f.service.find("fine")).isPresent());
    }
  }
}
