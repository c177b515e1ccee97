package io.rollcall.users;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link DirectorySyncTest}, on a real PostgreSQL. */
class DirectorySyncOnPostgresTest extends DirectorySyncTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
