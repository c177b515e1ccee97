package io.rollcall.events;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link EventOutboxTest}, on a real PostgreSQL. */
class EventOutboxOnPostgresTest extends EventOutboxTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
