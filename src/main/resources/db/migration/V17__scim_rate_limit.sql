-- Per-tenant SCIM rate limit. 'default': the server's default limit (configuration, not stored
-- here, so changing the default reaches every such tenant); 'custom': the two numbers below;
-- 'unlimited': no per-tenant limit (the server-wide limit still applies).
ALTER TABLE tenant ADD COLUMN scim_rate_limit VARCHAR(16) DEFAULT 'default' NOT NULL;
ALTER TABLE tenant ADD COLUMN scim_requests_per_second INTEGER;
ALTER TABLE tenant ADD COLUMN scim_burst INTEGER;
-- A CHECK passes when it is unknown, so the NULL tests are spelled out.
ALTER TABLE tenant ADD CONSTRAINT tenant_scim_rate_limit_valid CHECK (
  (scim_rate_limit IN ('default', 'unlimited')
     AND scim_requests_per_second IS NULL AND scim_burst IS NULL)
  OR (scim_rate_limit = 'custom'
     AND scim_requests_per_second IS NOT NULL AND scim_burst IS NOT NULL
     AND scim_requests_per_second BETWEEN 1 AND 10000 AND scim_burst BETWEEN 1 AND 100000));
