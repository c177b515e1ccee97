-- Full HR syncs and the management hierarchy of the account directory.

-- When a full sync (mode=replace) last found the account missing; NULL while the person is
-- employed. A departed account grants no access; a later upload that contains it clears this.
ALTER TABLE account ADD COLUMN departed_at TIMESTAMP;
-- The full sync that last contained the account, so the ones it did not contain can be found.
ALTER TABLE account ADD COLUMN seen_in VARCHAR(36);
-- Derived from manager_email over the tenant's current accounts after every upload: how many
-- people name this account as their manager, and how far it is from the top (0; NULL when its
-- chain of managers never reaches a top: a cycle, or a manager missing from the directory).
ALTER TABLE account ADD COLUMN direct_reports INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN org_level INTEGER;
-- After an upload, the people whose account it changed are evaluated again.
CREATE INDEX account_tenant_updated ON account (tenant_id, updated_at);
