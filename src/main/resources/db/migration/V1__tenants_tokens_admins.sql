-- Tenants, their SCIM bearer tokens and the admin accounts.
-- Portable SQL only: the same migrations run on H2 and PostgreSQL.

CREATE TABLE tenant (
  id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  created_at         TIMESTAMP    NOT NULL,
  active             BOOLEAN      NOT NULL,
  custom_user_schema VARCHAR(300) NOT NULL,
  groups_enabled     BOOLEAN      NOT NULL,
  version            BIGINT       NOT NULL
);

CREATE TABLE scim_token (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  NOT NULL REFERENCES tenant (id),
  prefix       VARCHAR(16)  NOT NULL,
  secret_hash  VARCHAR(64)  NOT NULL,
  description  VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  expires_at   TIMESTAMP,
  revoked_at   TIMESTAMP,
  last_used_at TIMESTAMP
);
CREATE INDEX scim_token_prefix ON scim_token (prefix);
CREATE INDEX scim_token_tenant ON scim_token (tenant_id);
CREATE UNIQUE INDEX scim_token_secret_hash ON scim_token (secret_hash);

CREATE TABLE admin_account (
  username      VARCHAR(100) NOT NULL PRIMARY KEY,
  password_hash VARCHAR(400) NOT NULL,
  created_at    TIMESTAMP    NOT NULL
);
