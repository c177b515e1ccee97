package io.rollcall.audit;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts the {@link AuditFilter} in front of the SCIM API unless {@code rollcall.audit.enabled} is
 * false. When switched off the filter is not registered at all, which is what the overhead
 * benchmark compares against.
 */
public class AuditFeature implements Feature {

  public static boolean enabled() {
    return ConfigProvider.getConfig()
        .getOptionalValue("rollcall.audit.enabled", Boolean.class)
        .orElse(true);
  }

  @Override
  public boolean configure(FeatureContext context) {
    if (!enabled()) {
      return false;
    }
    context.register(new AuditFilter(CDI.current().select(AuditQueue.class).get()));
    return true;
  }
}
