package io.rollcall.scim;

import io.rollcall.audit.AuditFeature;
import io.rollcall.database.DurableResponses;
import io.rollcall.discovery.DiscoveryResource;
import io.rollcall.groups.GroupsResource;
import io.rollcall.ratelimit.ScimRateLimitFeature;
import io.rollcall.users.UsersResource;
import io.rollcall.web.PublicRequestUris;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The SCIM 2.0 API (RFC 7644) under {@code /scim/v2}, one tenant per bearer token. Every request is
 * recorded in the tenant's audit log ({@link AuditFeature}) and counted against the tenant's and
 * the server's rate limits ({@link ScimRateLimitFeature}).
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        AuditFeature.class,
        RequestMetricsFilter.class,
        ScimRateLimitFeature.class,
        DiscoveryResource.class,
        UsersResource.class,
        GroupsResource.class,
        RootSearchResource.class,
        MeResource.class,
        BulkResource.class,
        ScimExceptionMapper.class,
        DurableResponses.class,
        PublicRequestUris.class);
  }

  /** No generated WADL: OPTIONS and the API's error bodies stay JSON. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
