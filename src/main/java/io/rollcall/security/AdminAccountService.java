package io.rollcall.security;

import io.rollcall.database.DatabaseReady;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** The admin accounts: created at first start, checked on every admin request. */
@Stateless
public class AdminAccountService {

  public static final String DEFAULT_ADMIN = "admin";
  static final String PASSWORD_VARIABLE = "ROLLCALL_ADMIN_PASSWORD";

  private static final Logger LOG = Logger.getLogger(AdminAccountService.class.getName());
  private static final int MAX_PASSWORD_LENGTH = 1024;
  private static volatile String dummyHash;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  private void configureHash() {
    passwordHash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /**
   * Creates the {@code admin} account on the first start. Its password comes from {@code
   * ROLLCALL_ADMIN_PASSWORD}; without it one is generated and logged this once.
   */
  public void ensureAdminExists(@Observes DatabaseReady ready) {
    if (em.find(AdminAccount.class, DEFAULT_ADMIN) != null) {
      return;
    }
    String password = System.getenv(PASSWORD_VARIABLE);
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = TokenSecret.generate("").substring(0, 24);
    }
    configureHash();
    em.persist(
        new AdminAccount(
            DEFAULT_ADMIN,
            passwordHash.generate(password.toCharArray()),
            Clock.systemUTC().instant()));
    if (generated) {
      LOG.warning(
          "Created the admin account '"
              + DEFAULT_ADMIN
              + "' with the generated password "
              + password
              + " (shown only this once; set "
              + PASSWORD_VARIABLE
              + " before the first start to choose it).");
    } else {
      LOG.info("Created the admin account '" + DEFAULT_ADMIN + "' from " + PASSWORD_VARIABLE + ".");
    }
  }

  /** The account whose password matches, checked with the slow salted hash. */
  public Optional<AdminAccount> verify(String username, char[] password) {
    if (username == null || username.length() > 100 || password.length > MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    AdminAccount account = em.find(AdminAccount.class, username);
    configureHash();
    if (account == null) {
      // Spend the same time as for a real account, so timing does not reveal usernames.
      passwordHash.verify(password, dummyHash());
      return Optional.empty();
    }
    return passwordHash.verify(password, account.passwordHash())
        ? Optional.of(account)
        : Optional.empty();
  }

  /** A hash of a random password, made once, to verify against for unknown usernames. */
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = passwordHash.generate(TokenSecret.generate("").toCharArray());
      dummyHash = hash;
    }
    return hash;
  }
}
