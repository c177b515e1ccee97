package io.rollcall.users;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link UserSearchTest}, on a real PostgreSQL. */
class UserSearchOnPostgresTest extends UserSearchTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
