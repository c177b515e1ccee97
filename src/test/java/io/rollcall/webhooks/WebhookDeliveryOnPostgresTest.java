package io.rollcall.webhooks;

import io.rollcall.testdb.TestDatabase;

/** Every case of {@link WebhookDeliveryTest}, on a real PostgreSQL. */
class WebhookDeliveryOnPostgresTest extends WebhookDeliveryTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
