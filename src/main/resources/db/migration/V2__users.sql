-- SCIM users. The canonical SCIM document is stored whole (one read per user, no N+1); the
-- attributes clients filter and sort on are copied into scim_user_value, one row per value, so
-- every filter becomes an indexed, parameterised query.

CREATE TABLE scim_user (
  id            VARCHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     VARCHAR(36)     NOT NULL REFERENCES tenant (id),
  user_name     VARCHAR(512)    NOT NULL,
  -- userName folded to lower case: uniqueness is case-insensitive (RFC 7643 §4.1.1).
  user_name_key VARCHAR(512)    NOT NULL,
  external_id   VARCHAR(512),
  -- Booleans that filters compare are stored as 0/1: the JPA provider binds booleans as
  -- integers on some databases, and SMALLINT compares the same everywhere.
  active        SMALLINT        NOT NULL,
  document      VARCHAR(1000000) NOT NULL,
  created_at    TIMESTAMP       NOT NULL,
  last_modified TIMESTAMP       NOT NULL,
  version       BIGINT          NOT NULL
);
CREATE UNIQUE INDEX scim_user_tenant_user_name ON scim_user (tenant_id, user_name_key);
CREATE INDEX scim_user_tenant_external_id ON scim_user (tenant_id, external_id);
CREATE INDEX scim_user_tenant_created ON scim_user (tenant_id, created_at);
CREATE INDEX scim_user_tenant_modified ON scim_user (tenant_id, last_modified);

CREATE TABLE scim_user_value (
  user_id      VARCHAR(36)   NOT NULL REFERENCES scim_user (id) ON DELETE CASCADE,
  tenant_id    VARCHAR(36)   NOT NULL,
  -- Lower-cased attribute key: 'emails.value', 'enterprise:department', 'custom:customfield1'.
  attr         VARCHAR(200)  NOT NULL,
  -- Position within a multi-valued attribute (0 for single-valued ones): ties sub-attributes of
  -- one element together, so emails[type eq "work" and value co "x"] matches one element.
  element      INTEGER       NOT NULL,
  -- True for the value a sort uses: the single value, or the primary (else first) element.
  sort_key     SMALLINT      NOT NULL,
  text_value   VARCHAR(1024),
  folded_value VARCHAR(1024),
  time_value   TIMESTAMP,
  bool_value   SMALLINT,
  number_value DECIMAL(38, 9),
  PRIMARY KEY (user_id, attr, element)
);
CREATE INDEX scim_user_value_folded ON scim_user_value (tenant_id, attr, folded_value);
CREATE INDEX scim_user_value_text ON scim_user_value (tenant_id, attr, text_value);
CREATE INDEX scim_user_value_time ON scim_user_value (tenant_id, attr, time_value);
