package io.rollcall.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint label keeps the metric's series count fixed: ids never become label values. */
class RequestMetricsFilterTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Users                                      | Users",
        "/Users                                     | Users",
        "Users/                                     | Users",
        "Users/2819c223-7f76-453a-919d-413861904646 | Users/{id}",
        "Users/.search                              | Users/.search",
        "Groups/e9e30dba                            | Groups/{id}",
        "Groups/e9e30dba/extra                      | Groups/{id}/…",
        ".search                                    | .search",
        "Schemas/urn:ietf:params:scim:schemas:core:2.0:User | Schemas/{id}",
        "ResourceTypes/User                         | ResourceTypes/{id}",
        "ServiceProviderConfig                      | ServiceProviderConfig",
        "Bulk                                       | Bulk",
        "Me                                         | Me",
        "''                                         | other",
        "users                                      | other",
        "v1/Users                                   | other",
        "wp-login.php                               | other",
      })
  void pathsMapToAFixedSetOfEndpoints(String path, String endpoint) {
    assertEquals(endpoint, RequestMetricsFilter.endpoint(path));
  }

  /** Any token is a valid HTTP method to the container; only the known ones become labels. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "GET, GET",
    "PATCH, PATCH",
    "DELETE, DELETE",
    "FOO, other",
    "get, other",
    "X1Y2, other"
  })
  void methodsMapToAFixedSet(String method, String label) {
    assertEquals(label, RequestMetricsFilter.method(method));
  }
}
