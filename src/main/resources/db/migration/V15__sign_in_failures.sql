-- Failed admin sign-ins, counted per account name and per client address, shared by every node
-- so that a cluster of N nodes does not give a password guesser N times the attempts.
-- throttle_key is "account:" and a SHA-256 digest of the name (43 characters), or "address:" and
-- at most 100 characters (LoginThrottle cuts longer ones), so an index entry stays far below
-- PostgreSQL's btree limit of about 2.7 kB.
CREATE TABLE sign_in_failure (
  throttle_key    VARCHAR(120) NOT NULL PRIMARY KEY,
  failures        INTEGER      NOT NULL,
  last_failure_at TIMESTAMP    NOT NULL
);
-- The retention purge deletes the counts that are forgotten anyway.
CREATE INDEX sign_in_failure_last ON sign_in_failure (last_failure_at);
