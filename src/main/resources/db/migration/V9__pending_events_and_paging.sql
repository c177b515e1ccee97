-- Writers no longer number events. A write inserts its events here, in its own transaction and
-- without locking anything shared; the event relay then moves committed rows into
-- provisioning_event, numbering them per tenant in the order it finds them committed. Only the
-- relay locks tenant_event_counter, for the few milliseconds a batch takes, so a tenant's writes
-- run in parallel while events stay gapless and in order.
CREATE SEQUENCE pending_event_position START WITH 1 INCREMENT BY 1;

CREATE TABLE pending_event (
  -- Taken from the sequence inside the writing transaction: a later write of the same user (which
  -- waits for the user's row lock) always gets a larger position.
  position     BIGINT        NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)   NOT NULL REFERENCES tenant (id),
  id           VARCHAR(36)   NOT NULL,
  occurred_at  TIMESTAMP     NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  scim_user_id VARCHAR(36)   NOT NULL,
  email        VARCHAR(512),
  changes      VARCHAR(100000)
);
CREATE INDEX pending_event_tenant ON pending_event (tenant_id, position);

-- Pages in id order (RFC 7644 startIndex pages without sortBy, cursor pages) seek on this index
-- instead of sorting a tenant's users.
CREATE INDEX scim_user_tenant_id ON scim_user (tenant_id, id);
CREATE INDEX scim_group_tenant_id ON scim_group (tenant_id, id);
