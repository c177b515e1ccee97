package io.rollcall.accounts;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link AccountDirectoryTest}, on a real PostgreSQL. */
class AccountDirectoryOnPostgresTest extends AccountDirectoryTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
