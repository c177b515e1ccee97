package io.rollcall.groups;

import io.rollcall.testdb.TestDatabase;

/** Every property and example of {@link GroupPatchProperties}, on a real PostgreSQL. */
class GroupPatchOnPostgresProperties extends GroupPatchProperties {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
