package io.rollcall.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Only in the benchmark build: a do-nothing endpoint outside every API prefix, so no credential is
 * checked, no tenant is read and no audit entry is written (the authentication mechanism runs, but
 * only to assign a request id and find nothing to check). Its throughput is the floor that
 * Payara's HTTP listener, servlet container, Jakarta Security and Jersey cost; the difference to
 * {@link NoopResource} is what Rollcall's own per-request work costs.
 */
@ApplicationPath("/bench-floor")
public class FloorApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(FloorResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
