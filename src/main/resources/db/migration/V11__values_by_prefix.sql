-- The value index keeps each whole value and indexes a prefix of it. A whole value can be up to
-- 4,096 characters (65,536 for base64 binaries): too long for a btree entry on PostgreSQL (at most
-- 2,704 bytes), and clipping it, as V2 did at 1,024 characters, made "eq" match other values that
-- shared the first 1,024. Filters narrow by the indexed prefix and decide on the whole value.
ALTER TABLE scim_user_value ALTER COLUMN text_value SET DATA TYPE VARCHAR(100000);
ALTER TABLE scim_user_value ALTER COLUMN folded_value SET DATA TYPE VARCHAR(100000);
ALTER TABLE scim_user_value ADD COLUMN text_prefix VARCHAR(200);
ALTER TABLE scim_user_value ADD COLUMN folded_prefix VARCHAR(200);
UPDATE scim_user_value
   SET text_prefix = SUBSTRING(text_value, 1, 200), folded_prefix = SUBSTRING(folded_value, 1, 200)
 WHERE text_value IS NOT NULL;
DROP INDEX scim_user_value_folded;
DROP INDEX scim_user_value_text;
CREATE INDEX scim_user_value_folded_prefix ON scim_user_value (tenant_id, attr, folded_prefix);
CREATE INDEX scim_user_value_text_prefix ON scim_user_value (tenant_id, attr, text_prefix);
