-- Photos of grievances (民生诉求的照片): the resident's, uploaded before filing (case_number NULL until the filing
-- attaches them) or later to their own open case, and the handler's of the site. The bytes live here; a case's
-- photo references are ids of this table. Unattached uploads are purged after app.grievance.photos.staged-retention;
-- erasing a resident deletes the rows they uploaded (docs/privacy.md).
CREATE TABLE grv_attachment (
    id            VARCHAR(36)  PRIMARY KEY,
    case_number   VARCHAR(20)  REFERENCES grv_case (case_number),
    purpose       VARCHAR(16)  NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,
    size_bytes    INTEGER      NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    uploaded_at   TIMESTAMP    NOT NULL,
    content       BYTEA        NOT NULL,
    CONSTRAINT grv_attachment_purpose CHECK (purpose IN ('REPORT', 'HANDLING')),
    CONSTRAINT grv_attachment_type CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    CONSTRAINT grv_attachment_size CHECK (size_bytes > 0)
);
CREATE INDEX grv_attachment_case ON grv_attachment (case_number, uploaded_at);
CREATE INDEX grv_attachment_uploader ON grv_attachment (uploaded_by, uploaded_at);
