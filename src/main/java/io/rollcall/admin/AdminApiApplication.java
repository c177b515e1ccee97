package io.rollcall.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JSON admin API under {@code /api/admin}, for scripts and the admin console's twin. */
@ApplicationPath("/api")
public class AdminApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TenantAdminResource.class, ApiExceptionMapper.class);
  }
}
