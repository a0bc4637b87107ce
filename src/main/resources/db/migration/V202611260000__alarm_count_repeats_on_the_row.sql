-- Repeated events are counted on the alarm row at once and handed to the engine at most once per
-- app.alarm.repeat-sync-interval (RepeatSync): the last event, what the engine has counted so far and when,
-- and when the next hand-over is due (NULL: nothing waiting).
ALTER TABLE alm_alarm ADD COLUMN last_event_id VARCHAR(64);
ALTER TABLE alm_alarm ADD COLUMN engine_event_count INTEGER;
ALTER TABLE alm_alarm ADD COLUMN engine_synced_at TIMESTAMP;
ALTER TABLE alm_alarm ADD COLUMN sync_due_at TIMESTAMP;
UPDATE alm_alarm SET engine_event_count = event_count, engine_synced_at = last_event_at;
ALTER TABLE alm_alarm ALTER COLUMN engine_event_count SET NOT NULL;
ALTER TABLE alm_alarm ALTER COLUMN engine_synced_at SET NOT NULL;
CREATE INDEX alm_alarm_sync_due ON alm_alarm (sync_due_at);
