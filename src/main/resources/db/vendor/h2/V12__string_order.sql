-- On PostgreSQL, V12 (db/vendor/postgresql) makes key columns compare in code-point order and adds
-- trigram indexes for co/ew. H2 already compares strings that way and has no trigram indexes; here
-- V12 only records what the prefix columns of V11 are for.
COMMENT ON COLUMN scim_user_value.text_prefix IS 'Indexed start of text_value; filters decide on text_value';
COMMENT ON COLUMN scim_user_value.folded_prefix IS 'Indexed start of folded_value; filters decide on folded_value';
