-- Retention (docs/privacy.md): the nightly purge finds expired closed cases by closed_at and removes the
-- notifications that name them by their reference.
CREATE INDEX grv_case_closed ON grv_case (closed_at);
CREATE INDEX bd_notification_reference ON bd_notification (reference);
