package io.rollcall.testdb;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * What the container does for a {@code REQUIRED} call with no transaction around it, or for {@code
 * REQUIRES_NEW}: the work gets a fresh persistence context in a transaction of its own, committed
 * when it returns and rolled back when it throws.
 */
public final class Transactions {

  private Transactions() {}

  public static <T> T inNew(EntityManagerFactory factory, Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
