package io.rollcall.database;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link LeasesTest}, on a real PostgreSQL. */
class LeasesOnPostgresTest extends LeasesTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
