package io.rollcall.security;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link LoginThrottleTest}, on a real PostgreSQL. */
class LoginThrottleOnPostgresTest extends LoginThrottleTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
