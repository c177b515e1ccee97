package io.rollcall.security;

import io.rollcall.database.DatabaseReady;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin accounts: the first one made at the first start, then created, changed and deleted by
 * owners; passwords checked on every sign-in. There is always at least one enabled owner: the last
 * one can be neither disabled, demoted nor deleted.
 */
@Stateless
public class AdminAccountService {

  public static final String DEFAULT_ADMIN = "admin";
  static final String PASSWORD_VARIABLE = "ROLLCALL_ADMIN_PASSWORD";

  private static final Logger LOG = Logger.getLogger(AdminAccountService.class.getName());
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
  private static volatile String dummyHash;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject
  @ConfigProperty(
      name = "rollcall.admin.password-iterations",
      defaultValue = "" + PasswordHashes.MIN_ITERATIONS)
  int iterations;

  @Inject
  @ConfigProperty(name = "rollcall.admin.password-file")
  Optional<String> passwordFileSetting;

  Clock clock = Clock.systemUTC();

  /** A new account, and its password when Rollcall generated it (shown only this once). */
  public record Created(AdminAccount account, String generatedPassword) {}

  @PostConstruct
  void checkSettings() {
    if (iterations < PasswordHashes.MIN_ITERATIONS) {
      throw new IllegalStateException(
          "rollcall.admin.password-iterations must be at least " + PasswordHashes.MIN_ITERATIONS);
    }
  }

  /**
   * Creates the owner {@code admin} when there is no account at all (the first start). Its password
   * comes from {@code ROLLCALL_ADMIN_PASSWORD}; without it one is generated and written to a file
   * only the server's user can read, whose path — never the password — goes to the log.
   */
  public void ensureAdminExists(@Observes DatabaseReady ready) {
    long accounts =
        em.createQuery("SELECT COUNT(a) FROM AdminAccount a", Long.class).getSingleResult();
    if (accounts > 0) {
      return;
    }
    String password = System.getenv(PASSWORD_VARIABLE);
    boolean generated = password == null || password.isBlank();
    if (generated) {
      password = TokenSecret.generate("").substring(0, 24);
    } else {
      try {
        PasswordRules.check(DEFAULT_ADMIN, password);
      } catch (InvalidInputException e) {
        throw new IllegalStateException(PASSWORD_VARIABLE + ": " + e.getMessage(), e);
      }
    }
    Path file = null;
    if (generated) {
      // Written before the account exists: a failure leaves no account whose password nobody knows.
      file = writeOwnerOnly(passwordFile(), password + "\n");
    }
    em.persist(
        new AdminAccount(
            DEFAULT_ADMIN,
            PasswordHashes.hash(password.toCharArray(), iterations),
            AdminRole.OWNER,
            null,
            clock.instant()));
    if (generated) {
      LOG.warning(
          "Created the owner account '"
              + DEFAULT_ADMIN
              + "' with a generated password, written to "
              + file.toAbsolutePath()
              + " (readable only by this server's user; delete the file once you have signed in,"
              + " or set "
              + PASSWORD_VARIABLE
              + " before the first start to choose the password).");
    } else {
      LOG.info("Created the owner account '" + DEFAULT_ADMIN + "' from " + PASSWORD_VARIABLE + ".");
    }
  }

  private Path passwordFile() {
    return Path.of(
        passwordFileSetting.orElseGet(
            () ->
                Path.of(System.getProperty("rollcall.data.dir", "data"), "initial-admin-password")
                    .toString()));
  }

  /** Creates the file afresh with owner-only permissions set at creation, never widened later. */
  static Path writeOwnerOnly(Path file, String content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(false, false);
        file.toFile().setWritable(true, true);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the generated admin password to " + file, e);
    }
  }

  /**
   * The enabled account whose password matches, checked with the slow salted hash. A disabled or
   * unknown account costs the same hash, so timing tells nothing. A hash weaker than the current
   * setting is replaced now that the password is known.
   */
  public Optional<AdminAccount> verify(String username, char[] password) {
    if (username == null || username.length() > 100 || password.length > PasswordRules.MAX_LENGTH) {
      return Optional.empty();
    }
    AdminAccount account = em.find(AdminAccount.class, normalised(username));
    if (account == null) {
      PasswordHashes.verify(password, dummyHash());
      return Optional.empty();
    }
    if (!PasswordHashes.verify(password, account.passwordHash()) || !account.isEnabled()) {
      return Optional.empty();
    }
    if (PasswordHashes.needsRehash(account.passwordHash(), iterations)) {
      account.rehash(PasswordHashes.hash(password, iterations));
    }
    return Optional.of(account);
  }

  /** A hash of a random password, made once, to verify against for unknown usernames. */
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = PasswordHashes.hash(TokenSecret.generate("").toCharArray(), iterations);
      dummyHash = hash;
    }
    return hash;
  }

  public Optional<AdminAccount> find(String username) {
    if (username == null || username.length() > 100) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(AdminAccount.class, normalised(username)));
  }

  /** The account, if it exists and is enabled: checked on every console request. */
  public Optional<AdminAccount> enabled(String username) {
    return find(username).filter(AdminAccount::isEnabled);
  }

  public AdminAccount get(String username) {
    return find(username).orElseThrow(() -> new UnknownAdminException(username));
  }

  public List<AdminAccount> list() {
    return em.createQuery("SELECT a FROM AdminAccount a ORDER BY a.username", AdminAccount.class)
        .getResultList();
  }

  /**
   * A new account. Without a password one is generated and returned this once; a given one must
   * follow {@link PasswordRules}.
   */
  public Created create(String username, String role, String password, String createdBy) {
    String name = checkedUsername(username);
    AdminRole r = AdminRole.of(role);
    if (em.find(AdminAccount.class, name) != null) {
      throw new InvalidInputException("an admin account named \"" + name + "\" exists already");
    }
    String chosen = password;
    String generated = null;
    if (chosen == null) {
      generated = TokenSecret.generate("").substring(0, 24);
      chosen = generated;
    } else {
      PasswordRules.check(name, chosen);
    }
    AdminAccount account =
        new AdminAccount(
            name,
            PasswordHashes.hash(chosen.toCharArray(), iterations),
            r,
            createdBy,
            clock.instant());
    em.persist(account);
    return new Created(account, generated);
  }

  /** Changes the role and/or enables or disables; never leaves the system without an owner. */
  public AdminAccount change(String username, String role, Boolean enabled) {
    AdminAccount account = get(username);
    AdminRole newRole = role == null ? account.role() : AdminRole.of(role);
    boolean newEnabled = enabled == null ? account.isEnabled() : enabled;
    if (account.isEnabledOwner() && !(newEnabled && newRole == AdminRole.OWNER)) {
      requireAnotherOwner(account);
    }
    account.changeRole(newRole);
    account.enable(newEnabled);
    return account;
  }

  /** Deletes the account and its admin API tokens; never the last enabled owner. */
  public void delete(String username) {
    AdminAccount account = get(username);
    if (account.isEnabledOwner()) {
      requireAnotherOwner(account);
    }
    em.createQuery("DELETE FROM AdminToken t WHERE t.username = :username")
        .setParameter("username", account.username())
        .executeUpdate();
    em.remove(account);
  }

  /**
   * Changes the signed-in admin's own password, which they must know (a session can be left open).
   */
  public void changePassword(String username, String currentPassword, String newPassword) {
    AdminAccount account = get(username);
    if (currentPassword == null
        || currentPassword.length() > PasswordRules.MAX_LENGTH
        || !PasswordHashes.verify(currentPassword.toCharArray(), account.passwordHash())) {
      throw new InvalidInputException("the current password is not correct");
    }
    PasswordRules.check(account.username(), newPassword);
    if (newPassword.equals(currentPassword)) {
      throw new InvalidInputException("the new password must differ from the current one");
    }
    account.changePassword(
        PasswordHashes.hash(newPassword.toCharArray(), iterations), clock.instant());
  }

  /**
   * Refuses when {@code leaving} is the only enabled owner. The owners' rows are locked until the
   * transaction ends, so two owners demoting each other at the same moment cannot both succeed.
   */
  private void requireAnotherOwner(AdminAccount leaving) {
    List<AdminAccount> owners =
        em.createQuery(
                "SELECT a FROM AdminAccount a WHERE a.role = :owner AND a.enabled = TRUE",
                AdminAccount.class)
            .setParameter("owner", AdminRole.OWNER.label())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (owners.stream().noneMatch(o -> !o.username().equals(leaving.username()))) {
      throw new LastOwnerException();
    }
  }

  static String normalised(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  static String checkedUsername(String username) {
    String name = username == null ? "" : normalised(username);
    if (!USERNAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "username must be 1–100 characters: letters, digits and . _ @ - (starting with a letter"
              + " or digit)");
    }
    return name;
  }
}
