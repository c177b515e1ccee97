-- Uploads look accounts up with "email_key IN (…)" within a tenant. H2 uses an index for an IN
-- list only on the index's first column, so the unique index is led by the email key.
DROP INDEX account_tenant_email;
CREATE UNIQUE INDEX account_email_tenant ON account (email_key, tenant_id);
