package io.rollcall.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The last pass over the generated OpenAPI document ({@code mp.openapi.filter}).
 *
 * <p>It adds the answers that every operation of a kind gives rather than repeating them on each
 * method: 401 everywhere; 429 on the admin API, whose wrong passwords and tokens are throttled; 404
 * wherever the path names a tenant, token or other resource, which may not exist. It names Payara's
 * unannotated {@code default} response "200", which is what those methods answer. And it removes
 * what Payara's generator writes for every {@code @Schema} attribute left at its default ({@code
 * maxProperties: 0}, {@code nullable: false}, …): {@code maxProperties: 0} on an object would
 * reject every real answer.
 */
public class ApiDocumentFilter implements OASFilter {

  private static final String PAYARA_DEFAULT = "Default Response.";

  @Override
  public Schema filterSchema(Schema schema) {
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    // Payara types a field of a Java enum described as a String implementation "object"; an
    // enumeration of strings is a string.
    if (schema.getType() == Schema.SchemaType.OBJECT
        && schema.getEnumeration() != null
        && !schema.getEnumeration().isEmpty()
        && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
      schema.setType(Schema.SchemaType.STRING);
    }
    // Payara writes an array of an annotated implementation class with the class's properties
    // beside its items; they belong to the items only.
    if (schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() != null) {
      schema.setProperties(null);
    }
    return schema;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
      parameter.setAllowEmptyValue(null);
    }
    if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
      parameter.setAllowReserved(null);
    }
    if (Boolean.FALSE.equals(parameter.getDeprecated())) {
      parameter.setDeprecated(null);
    }
    if (Boolean.FALSE.equals(parameter.getRequired())) {
      parameter.setRequired(null);
    }
    return parameter;
  }

  /**
   * A resource that consumes any media type (a wildcard) and names the ones it understands in
   * {@code @RequestBody} is described by those only.
   */
  @Override
  public RequestBody filterRequestBody(RequestBody body) {
    Content content = body.getContent();
    if (content != null && content.hasMediaType("*/*") && content.getMediaTypes().size() > 1) {
      content.removeMediaType("*/*");
    }
    return body;
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
      document
          .getPaths()
          .getPathItems()
          .forEach(
              (path, item) -> {
                for (Operation operation : operations(item)) {
                  complete(path, operation);
                }
              });
    }
    if (document.getTags() != null) {
      document.setTags(mergedTags(document.getTags()));
    }
  }

  private static void complete(String path, Operation operation) {
    if (Boolean.FALSE.equals(operation.getDeprecated())) {
      operation.setDeprecated(null);
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    APIResponse unannotated = responses.getDefaultValue();
    if (unannotated != null && PAYARA_DEFAULT.equals(unannotated.getDescription())) {
      responses.removeAPIResponse(APIResponses.DEFAULT);
      responses.addAPIResponse("200", unannotated.description("OK."));
    }
    if (!responses.hasAPIResponse("401")) {
      responses.addAPIResponse("401", reference("Unauthorized"));
    }
    if (path.contains("{") && !responses.hasAPIResponse("404")) {
      responses.addAPIResponse("404", reference("NotFound"));
    }
    if (path.startsWith("/api/admin/") && !responses.hasAPIResponse("429")) {
      responses.addAPIResponse("429", reference("TooManyRequests"));
    }
  }

  private static APIResponse reference(String name) {
    return OASFactory.createAPIResponse().ref(name);
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
  }

  /** One tag per name: the static document's (with its description) before a bare annotation. */
  private static List<Tag> mergedTags(List<Tag> tags) {
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : tags) {
      Tag first = byName.putIfAbsent(tag.getName(), tag);
      if (first != null && first.getDescription() == null) {
        first.setDescription(tag.getDescription());
      }
    }
    return List.copyOf(byName.values());
  }
}
