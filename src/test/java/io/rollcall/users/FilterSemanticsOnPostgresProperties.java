package io.rollcall.users;

import io.rollcall.testdb.TestDatabase;

/** Every property of {@link FilterSemanticsProperties}, with the users on a real PostgreSQL. */
class FilterSemanticsOnPostgresProperties extends FilterSemanticsProperties {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }

  @Override
  boolean ordersByCodePoint() {
    return true;
  }
}
