package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.web.JsonErrors;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on every resource method of the JSON APIs: the method's own
 * annotation, else its class's. web.xml only lets admins reach {@code /api/admin} at all; this is
 * where an auditor's write is refused, with 403 and the API's JSON body, before the method runs.
 * Each refusal goes into the admin trail. A method with no annotation on it or its class is refused
 * outright, so a new endpoint cannot be open by omission.
 */
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (resource.getResourceMethod() == null) {
      return;
    }
    RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    context.register(new Check(allowed == null ? List.of() : List.of(allowed.value())));
  }

  /**
   * Ahead of any other authorization filter (the runtime may register Jersey's own {@code
   * RolesAllowed} feature), so that every refusal is the one that is recorded.
   */
  @Priority(Priorities.AUTHORIZATION - 100)
  static final class Check implements ContainerRequestFilter {

    private final List<String> roles;

    Check(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      SecurityContext security = request.getSecurityContext();
      if (roles.stream().anyMatch(security::isUserInRole)) {
        return;
      }
      String what = request.getMethod() + " /api/" + request.getUriInfo().getPath();
      if (request.getUriInfo().getPath().startsWith("admin")) {
        CDI.current()
            .select(AdminTrail.class)
            .get()
            .record(
                AdminAction.of("forbidden", what),
                "refused",
                "the role " + String.join(" or ", roles) + " is required");
      }
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  JsonErrors.apiBody(
                          403,
                          "Your role may not do this; it needs the role "
                              + String.join(" or ", roles)
                              + ".")
                      .toString())
              .build());
    }
  }
}
