-- Leases: work that must have one runner at a time across all nodes (a purge tick, a tenant's
-- webhook sender) takes its lease row first. A holder that dies simply lets its lease run out.
CREATE TABLE lease (
  name       VARCHAR(200) NOT NULL PRIMARY KEY,
  holder     VARCHAR(200) NOT NULL,
  expires_at TIMESTAMP    NOT NULL
);
