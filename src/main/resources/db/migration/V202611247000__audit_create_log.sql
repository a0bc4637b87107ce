-- Append-only audit log (docs/privacy.md). Each entry stores the hash of the one before it (hash chain);
-- seq is gapless: it is taken from aud_head under that row's lock, in the transaction of the audited write.
CREATE TABLE aud_entry (
    seq            BIGINT       PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    on_behalf_of   VARCHAR(64),
    action         VARCHAR(48)  NOT NULL,
    object_type    VARCHAR(32)  NOT NULL,
    object_id      VARCHAR(64)  NOT NULL,
    community_code VARCHAR(32),
    channel        VARCHAR(16)  NOT NULL,
    detail         VARCHAR(200),
    reason         VARCHAR(500),
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX aud_entry_object ON aud_entry (object_type, object_id);
CREATE INDEX aud_entry_actor ON aud_entry (actor, occurred_at);
CREATE INDEX aud_entry_community ON aud_entry (community_code, occurred_at);

-- The chain's head: one row, locked FOR UPDATE by each append.
CREATE TABLE aud_head (
    id   SMALLINT PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL,
    CONSTRAINT aud_head_single CHECK (id = 1)
);
INSERT INTO aud_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
