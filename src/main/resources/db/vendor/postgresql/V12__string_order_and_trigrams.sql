-- Byte order ("C") for every key column that filters and sorts compare, instead of the server's
-- locale: SCIM orders caseExact=false values by their folded form, and must order them the same on
-- PostgreSQL as on H2 whatever locale the server was created with; and with "C" a btree index
-- serves LIKE 'prefix%' (the sw operator) without text_pattern_ops.
ALTER TABLE scim_user ALTER COLUMN user_name_key SET DATA TYPE VARCHAR(512) COLLATE "C";
ALTER TABLE scim_user ALTER COLUMN external_id SET DATA TYPE VARCHAR(512) COLLATE "C";
ALTER TABLE scim_group ALTER COLUMN display_name_key SET DATA TYPE VARCHAR(512) COLLATE "C";
ALTER TABLE scim_group ALTER COLUMN external_id SET DATA TYPE VARCHAR(512) COLLATE "C";
ALTER TABLE scim_user_value ALTER COLUMN text_value SET DATA TYPE VARCHAR(100000) COLLATE "C";
ALTER TABLE scim_user_value ALTER COLUMN folded_value SET DATA TYPE VARCHAR(100000) COLLATE "C";
ALTER TABLE scim_user_value ALTER COLUMN text_prefix SET DATA TYPE VARCHAR(200) COLLATE "C";
ALTER TABLE scim_user_value ALTER COLUMN folded_prefix SET DATA TYPE VARCHAR(200) COLLATE "C";

-- co and ew ("contains", "ends with") cannot use a btree. With the pg_trgm extension, trigram
-- indexes serve them on the folded values (caseExact=false attributes: emails, names, custom
-- fields) and on userName. Creating the extension needs the CREATE privilege on the database
-- (pg_trgm is a trusted extension); without it Rollcall still works and co/ew read every row of
-- the attribute within the tenant, which the README says.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX scim_user_value_folded_trigram
    ON scim_user_value USING gin (folded_value gin_trgm_ops);
  CREATE INDEX scim_user_user_name_trigram ON scim_user USING gin (user_name_key gin_trgm_ops);
EXCEPTION
  WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available: co and ew filters will not use an index';
END
$$;
