package io.rollcall.users;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link UserFilterTranslatorTest}, on a real PostgreSQL. */
class UserFilterTranslatorOnPostgresTest extends UserFilterTranslatorTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
