-- Resident portal: one row per submission a resident made, under the idempotency key the page chose. A retry
-- after a lost answer finds the row and gets the stored answer; the row commits with the submission itself.
CREATE TABLE ptl_submission (
    user_id         VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    response        TEXT         NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
