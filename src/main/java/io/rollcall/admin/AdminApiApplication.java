package io.rollcall.admin;

import io.rollcall.access.AccessResource;
import io.rollcall.database.DurableResponses;
import io.rollcall.web.PublicRequestUris;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The JSON APIs under {@code /api}: the admin API and the host application's access-check API. */
@ApplicationPath("/api")
public class AdminApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TenantAdminResource.class,
        AccountAdminResource.class,
        AppKeyAdminResource.class,
        PermissionRuleAdminResource.class,
        WebhookAdminResource.class,
        ConnectionAdminResource.class,
        AuditAdminResource.class,
        AdminAccountResource.class,
        MeResource.class,
        AdminTrailResource.class,
        MetricsResource.class,
        RoleCheck.class,
        AccessResource.class,
        ApiExceptionMapper.class,
        BodySizeLimit.class,
        DurableResponses.class,
        PublicRequestUris.class);
  }

  /** No generated WADL: OPTIONS and the API's error bodies stay JSON. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
