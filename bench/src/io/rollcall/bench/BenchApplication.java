package io.rollcall.bench;

import io.rollcall.audit.AuditFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Only in the benchmark build ({@code mvn -Pbench package}): a do-nothing endpoint under {@code
 * /scim/}, so it passes the same bearer-token check, tenant scope and audit filter as every SCIM
 * request. Its throughput is the ceiling of the stack that every SCIM call pays for.
 */
@ApplicationPath("/scim/bench")
public class BenchApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(AuditFeature.class, NoopResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
