-- Retention (docs/privacy.md): the nightly purge finds alarm cases closed longer ago than their time to live.
CREATE INDEX alm_alarm_closed ON alm_alarm (closed_at);
