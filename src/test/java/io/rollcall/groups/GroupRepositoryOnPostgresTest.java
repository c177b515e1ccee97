package io.rollcall.groups;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link GroupRepositoryTest}, on a real PostgreSQL. */
class GroupRepositoryOnPostgresTest extends GroupRepositoryTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
