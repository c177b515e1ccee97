package io.rollcall.security;

import io.rollcall.database.DuplicateKey;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;

/**
 * The throttle's counts in the shared database. Each write commits on its own: a failure is on
 * record for every node as soon as it is counted, and stays counted whatever happens to the
 * caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInFailures {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** The counts on record for any of {@code keys}, forgotten ones included; one query. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<SignInFailure> of(String... keys) {
    return em.createQuery("SELECT f FROM SignInFailure f WHERE f.key IN :keys", SignInFailure.class)
        .setParameter("keys", List.of(keys))
        .getResultList();
  }

  /**
   * Counts one failure for {@code key}. The row is locked while it is read and written, so failures
   * counted at once by several nodes all add up.
   *
   * @throws FirstFailureRace when another request (on this node or another) counted the key's first
   *     failure at the same moment; the caller counts again, and then finds that row
   */
  public void count(String key, Instant at, Instant forgottenUpTo) {
    SignInFailure failure = em.find(SignInFailure.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (failure != null) {
      failure.failedAgain(at, forgottenUpTo);
      return;
    }
    try {
      em.persist(new SignInFailure(key, at));
      em.flush();
    } catch (PersistenceException e) {
      if (DuplicateKey.isDuplicateKey(e)) {
        throw new FirstFailureRace();
      }
      throw e;
    }
  }

  public void forget(String key) {
    em.createQuery("DELETE FROM SignInFailure f WHERE f.key = :key")
        .setParameter("key", key)
        .executeUpdate();
  }

  /** Deletes the counts whose last failure is at or before {@code forgottenUpTo}; how many. */
  public int forgetUpTo(Instant forgottenUpTo) {
    return em.createQuery("DELETE FROM SignInFailure f WHERE f.lastFailureAt <= :cutoff")
        .setParameter("cutoff", forgottenUpTo)
        .executeUpdate();
  }

  /**
   * A lost race for a key's first row. An application exception, so the container rolls the attempt
   * back without logging it as a system failure: losing this race is expected.
   */
  @ApplicationException(rollback = true)
  public static class FirstFailureRace extends RuntimeException {
    FirstFailureRace() {
      super(
          "another request counted the first failure of this key at the same moment",
          null,
          false,
          false);
    }
  }
}
