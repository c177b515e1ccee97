-- The connection check reads the audit log to tell which identity provider calls and why its
-- requests fail. Each entry gains the caller's User-Agent (clipped), the other query parameters
-- (filter is in its own column; these show shapes such as Okta's startIndex=1&count=2 test or
-- Entra ID's aadOptscim062020 flag) and the error's code: the SCIM scimType of the answer, a finer
-- Rollcall code where the scimType is too broad (unknown_attribute, no_account), or the reason a
-- token of the tenant was refused (token_revoked, token_expired, tenant_disabled).
-- Nullable and without defaults, so adding them rewrites no existing row.
ALTER TABLE audit_entry ADD COLUMN user_agent VARCHAR(200);
ALTER TABLE audit_entry ADD COLUMN query_params VARCHAR(200);
ALTER TABLE audit_entry ADD COLUMN scim_type VARCHAR(40);
