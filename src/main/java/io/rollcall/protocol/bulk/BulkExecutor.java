package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.util.Map;

/**
 * Runs one operation of a bulk request exactly as the single request would run, in a transaction of
 * its own: the bulk engine hands it operations with every {@code bulkId:} reference already
 * replaced by a resource id.
 */
public interface BulkExecutor {

  /**
   * Runs the operation. Failures are answered, not thrown: a {@link ScimException} thrown here is
   * taken as the operation's answer, anything else fails the whole bulk request.
   */
  Outcome execute(Call call);

  /** The absolute URL of a resource, as the single request's {@code Location} would give it. */
  String location(String endpoint, String id);

  /**
   * @param endpoint {@code "Users"} or {@code "Groups"}
   * @param id the resource id; null for a POST
   * @param data the request body with references replaced; null for a DELETE
   * @param version the operation's {@code version}, to be checked like {@code If-Match}; or null
   */
  record Call(
      BulkMethod method, String endpoint, String id, Map<String, Object> data, String version) {}

  /**
   * @param status the HTTP status the single request would have answered
   * @param id the id of the resource (the new one for a POST); null after a failure or a DELETE
   * @param version the resource's ETag after the operation, or null
   * @param error the SCIM error of a failure, or null
   */
  record Outcome(int status, String id, String version, ScimException error) {

    public static Outcome success(int status, String id, String version) {
      return new Outcome(status, id, version, null);
    }

    public static Outcome failure(ScimException error) {
      return new Outcome(error.status(), null, null, error);
    }
  }
}
