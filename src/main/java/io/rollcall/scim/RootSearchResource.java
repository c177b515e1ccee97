package io.rollcall.scim;

import io.rollcall.groups.GroupRepresentation;
import io.rollcall.groups.GroupService;
import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ListResponses;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.resource.AttributeProjection;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.security.Roles;
import io.rollcall.users.UserRepresentation;
import io.rollcall.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3): a search of every resource type the
 * tenant has. Without groups that is a search of {@code /Users}, with all its options.
 *
 * <p>With groups, the result lists the matching users, then the matching groups, and {@code
 * startIndex}/{@code count} page through that sequence; {@code totalResults} is the sum. The filter
 * is resolved against each type, and a type whose schema it does not fit (a filter on {@code
 * userName} for groups) contributes nothing; a filter that fits neither is a 400 {@code
 * invalidFilter}. {@code attributes} and {@code excludedAttributes} apply to each type by its own
 * schema. Sorting and cursors have no meaning across types here and are refused with 400 {@code
 * invalidValue}: search {@code /Users/.search} or {@code /Groups/.search} for those.
 */
@Path(".search")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class RootSearchResource {

  @Inject UserService users;
  @Inject GroupService groups;
  @Context UriInfo uriInfo;

  /** RFC 7644 §3.4.3 defines only POST here: 405 with {@code Allow}, as for every other method. */
  @GET
  public Response searchByGet() {
    throw new NotAllowedException("POST");
  }

  @POST
  public Response search(InputStream body, @HeaderParam("Content-Type") MediaType contentType) {
    ListRequest query = ListRequest.fromSearchBody(ScimJson.readObject(body, contentType));
    Optional<ResourceTypeDefinition> groupType = groups.enabledGroupType();
    Map<String, Object> result =
        groupType.isEmpty()
            ? UserRepresentation.list(
                users.search(query), uriInfo.getBaseUri(), query, users.userType())
            : acrossTypes(query, users.userType(), groupType.get());
    return Response.ok(result).header("Cache-Control", "no-store").build();
  }

  private Map<String, Object> acrossTypes(
      ListRequest query, ResourceTypeDefinition userType, ResourceTypeDefinition groupType) {
    if (query.sortBy() != null || query.usesCursor()) {
      throw ScimException.invalidValue(
          "sortBy and cursor are not supported by a search across resource types;"
              + " use /Users/.search or /Groups/.search");
    }
    Tolerances tolerances = users.tolerances();
    boolean forUsers = fits(query.filter(), userType, tolerances);
    boolean forGroups = fits(query.filter(), groupType, tolerances);
    if (!forUsers && !forGroups) {
      FilterParser.parse(query.filter(), userType, tolerances);
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    long userTotal = 0;
    if (forUsers) {
      UserService.UserPage page = users.search(query);
      userTotal = page.totalResults();
      resources.addAll(UserRepresentation.resources(page, uriInfo.getBaseUri(), query, userType));
    }
    long groupTotal = 0;
    if (forGroups) {
      long skip = Math.max(0, query.startIndex() - 1 - userTotal);
      ListRequest rest =
          new ListRequest(
              query.filter(),
              null,
              false,
              (int) Math.min(Integer.MAX_VALUE, skip + 1),
              query.count() - resources.size(),
              null,
              query.attributes(),
              query.excludedAttributes());
      boolean withMembers =
          AttributeProjection.of(groupType, query.attributes(), query.excludedAttributes())
              .includes(AttributePath.of("members"));
      GroupService.GroupPage page = groups.search(rest, withMembers);
      groupTotal = page.totalResults();
      resources.addAll(GroupRepresentation.resources(page, uriInfo.getBaseUri(), rest, groupType));
    }
    return ListResponses.page(userTotal + groupTotal, query.startIndex(), resources, null);
  }

  private static boolean fits(String filter, ResourceTypeDefinition type, Tolerances tolerances) {
    if (filter == null) {
      return true;
    }
    try {
      FilterParser.parse(filter, type, tolerances);
      return true;
    } catch (ScimException e) {
      return false;
    }
  }
}
