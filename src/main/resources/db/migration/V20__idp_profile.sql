-- The identity provider a tenant names in its settings, which decides the tolerances of RFC 7644
-- its SCIM requests get (the table is IdpProfile). 'any' is what every existing tenant had before:
-- every tolerance, unknown attributes refused. Labels are checked here as well as in the code.
ALTER TABLE tenant ADD COLUMN idp_profile VARCHAR(24) DEFAULT 'any' NOT NULL;
ALTER TABLE tenant ADD CONSTRAINT tenant_idp_profile_valid CHECK (
  idp_profile IN ('any', 'okta', 'entra-id', 'google-workspace', 'onelogin', 'jumpcloud', 'other'));
-- Names (never values) of the unknown attributes a request sent that its tenant's profile dropped
-- rather than refused, comma-separated and bounded (DroppedAttributes: at most 5 names of 64
-- characters), for the connection check. Nullable without default: no existing row is rewritten.
ALTER TABLE audit_entry ADD COLUMN dropped_attributes VARCHAR(400);
