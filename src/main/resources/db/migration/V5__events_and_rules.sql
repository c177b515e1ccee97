-- Provisioning events (an outbox written in the same transaction as each change) and the
-- tenant's permission rules.

-- The last event number of each tenant. Writers lock this row, so a tenant's events commit in
-- the order of their numbers and a reader that resumes after number N never misses one.
CREATE TABLE tenant_event_counter (
  tenant_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES tenant (id),
  last_seq  BIGINT      NOT NULL
);

CREATE TABLE provisioning_event (
  tenant_id    VARCHAR(36)   NOT NULL REFERENCES tenant (id),
  seq          BIGINT        NOT NULL,
  id           VARCHAR(36)   NOT NULL,
  occurred_at  TIMESTAMP     NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  scim_user_id VARCHAR(36)   NOT NULL,
  email        VARCHAR(512),
  changes      VARCHAR(100000),
  PRIMARY KEY (tenant_id, seq)
);
CREATE UNIQUE INDEX provisioning_event_id ON provisioning_event (id);

CREATE TABLE permission_rule (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id   VARCHAR(36)  NOT NULL REFERENCES tenant (id),
  position    INTEGER      NOT NULL,
  filter      VARCHAR(4096) NOT NULL,
  group_name  VARCHAR(200) NOT NULL
);
CREATE INDEX permission_rule_tenant ON permission_rule (tenant_id, position);

-- The permission groups a user's data earns under the tenant's rules, as a JSON array.
ALTER TABLE scim_user ADD COLUMN permission_groups VARCHAR(20000);

INSERT INTO tenant_event_counter (tenant_id, last_seq) SELECT id, 0 FROM tenant;
