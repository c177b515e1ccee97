-- A tenant's webhook: where its provisioning events are POSTed, the signing secret, and the
-- delivery position (events up to delivered_seq have been accepted by the receiver).
CREATE TABLE webhook (
  tenant_id       VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES tenant (id),
  url             VARCHAR(2000) NOT NULL,
  signing_secret  VARCHAR(100)  NOT NULL,
  paused          SMALLINT      NOT NULL,
  delivered_seq   BIGINT        NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_attempt_at TIMESTAMP,
  last_error      VARCHAR(500),
  last_success_at TIMESTAMP,
  created_at      TIMESTAMP     NOT NULL
);
