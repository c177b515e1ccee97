-- SCIM groups. Members are rows of scim_group_member, never part of the stored document, so a
-- group of 100,000 members is read without its members in O(1) and a PATCH that adds or removes
-- k members writes k rows.

CREATE TABLE scim_group (
  id               VARCHAR(36)      NOT NULL PRIMARY KEY,
  tenant_id        VARCHAR(36)      NOT NULL REFERENCES tenant (id),
  display_name     VARCHAR(512)     NOT NULL,
  -- displayName folded to lower case: it is unique per tenant, case-insensitively.
  display_name_key VARCHAR(512)     NOT NULL,
  external_id      VARCHAR(512),
  -- The canonical SCIM document without id, meta and members.
  document         VARCHAR(1000000) NOT NULL,
  created_at       TIMESTAMP        NOT NULL,
  last_modified    TIMESTAMP        NOT NULL,
  version          BIGINT           NOT NULL
);
CREATE UNIQUE INDEX scim_group_tenant_display_name ON scim_group (tenant_id, display_name_key);
CREATE INDEX scim_group_tenant_external_id ON scim_group (tenant_id, external_id);
CREATE INDEX scim_group_tenant_created ON scim_group (tenant_id, created_at);
CREATE INDEX scim_group_tenant_modified ON scim_group (tenant_id, last_modified);

-- One row per direct member. member_id names a user or a group of the same tenant (member_type
-- says which), so it cannot carry a foreign key: deleting a user or a group deletes the rows that
-- name it explicitly, while the rows of a deleted group go with it through the cascade.
CREATE TABLE scim_group_member (
  group_id    VARCHAR(36) NOT NULL REFERENCES scim_group (id) ON DELETE CASCADE,
  tenant_id   VARCHAR(36) NOT NULL,
  member_id   VARCHAR(36) NOT NULL,
  member_type VARCHAR(8)  NOT NULL,
  PRIMARY KEY (group_id, member_id)
);
-- A user's groups (User.groups, deletion of a user) and filters on members.value. member_id leads:
-- H2 turns "member_id IN (...)" into index lookups only on an index's first column.
CREATE INDEX scim_group_member_member ON scim_group_member (member_id, tenant_id);
