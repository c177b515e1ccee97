-- Access-only provisioning: tenant settings, the app's account directory, deprovisioned-user
-- history, access timestamps, and application keys for the access-check API.

ALTER TABLE tenant ADD COLUMN provisioning_mode VARCHAR(20) DEFAULT 'full' NOT NULL;
ALTER TABLE tenant ADD COLUMN delete_policy VARCHAR(20) DEFAULT 'deprovision' NOT NULL;
-- Users deactivated for this many days are erased by a timer; NULL means never.
ALTER TABLE tenant ADD COLUMN erase_deactivated_days INTEGER;

-- When the user last gained access (NULL while inactive) and when it lost it (NULL while active).
ALTER TABLE scim_user ADD COLUMN access_since TIMESTAMP;
ALTER TABLE scim_user ADD COLUMN deactivated_at TIMESTAMP;
CREATE INDEX scim_user_tenant_deactivated ON scim_user (tenant_id, deactivated_at);

-- The people who exist in the host app, usually fed by an HR sync.
CREATE TABLE account (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id       VARCHAR(36)  NOT NULL REFERENCES tenant (id),
  email           VARCHAR(512) NOT NULL,
  email_key       VARCHAR(512) NOT NULL,
  display_name    VARCHAR(512),
  title           VARCHAR(512),
  department      VARCHAR(512),
  manager_email   VARCHAR(512),
  employee_number VARCHAR(128),
  created_at      TIMESTAMP    NOT NULL,
  updated_at      TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX account_tenant_email ON account (tenant_id, email_key);

-- What DELETE leaves behind under the 'deprovision' policy: who was removed, and when.
CREATE TABLE deprovisioned_user (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  NOT NULL REFERENCES tenant (id),
  user_name    VARCHAR(512) NOT NULL,
  external_id  VARCHAR(512),
  created_at   TIMESTAMP    NOT NULL,
  deleted_at   TIMESTAMP    NOT NULL
);
CREATE INDEX deprovisioned_user_tenant ON deprovisioned_user (tenant_id, deleted_at);

-- Secrets with which the host application calls the access-check API; tenant_id NULL = all tenants.
CREATE TABLE app_key (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(36)  REFERENCES tenant (id),
  prefix       VARCHAR(16)  NOT NULL,
  secret_hash  VARCHAR(64)  NOT NULL,
  description  VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  expires_at   TIMESTAMP,
  revoked_at   TIMESTAMP,
  last_used_at TIMESTAMP
);
CREATE INDEX app_key_prefix ON app_key (prefix);
CREATE UNIQUE INDEX app_key_secret_hash ON app_key (secret_hash);

-- Users provisioned before this version: active ones have had access since they were created,
-- inactive ones lost it at their last change.
UPDATE scim_user SET access_since = created_at WHERE active = 1;
UPDATE scim_user SET deactivated_at = last_modified WHERE active = 0;
