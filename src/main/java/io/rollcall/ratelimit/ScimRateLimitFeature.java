package io.rollcall.ratelimit;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/** Puts the {@link ScimRateLimitFilter} in front of the SCIM API, with the node's limits. */
public class ScimRateLimitFeature implements Feature {

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new ScimRateLimitFilter(CDI.current().select(ScimRateLimits.class).get()));
    return true;
  }
}
