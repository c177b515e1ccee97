package io.rollcall.database;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Set;

/**
 * Holds back every successful answer to a request that may have written (any method but GET, HEAD
 * and OPTIONS) until its transaction is durable. JAX-RS runs this after the resource method, whose
 * transaction has committed by then, and before the answer is written.
 */
public class DurableResponses implements ContainerResponseFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject CommitDurability durability;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!READS.contains(request.getMethod()) && response.getStatus() < 400) {
      durability.awaitDurable();
    }
  }
}
