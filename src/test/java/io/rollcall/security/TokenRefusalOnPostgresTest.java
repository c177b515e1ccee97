package io.rollcall.security;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link TokenRefusalTest}, on a real PostgreSQL. */
class TokenRefusalOnPostgresTest extends TokenRefusalTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
