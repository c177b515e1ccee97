package io.rollcall.users;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link UnicodeUserNamesTest}, on a real PostgreSQL. */
class UnicodeUserNamesOnPostgresTest extends UnicodeUserNamesTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
