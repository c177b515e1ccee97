-- A page's rows are loaded with "tenant_id = ? AND id IN (…)". H2 looks up IN lists only on an
-- index's first column, and with just the primary key and the (tenant_id, …) indexes it chose to
-- walk every row of the tenant and test each against the list (a deep page of a 50,000-user
-- tenant took half a second). An index led by id makes it look the ids up.
CREATE UNIQUE INDEX scim_user_id_tenant ON scim_user (id, tenant_id);
CREATE UNIQUE INDEX scim_group_id_tenant ON scim_group (id, tenant_id);
