-- Notifications leave a while after they were sent (NotificationRetention, docs/privacy.md): by their age.
CREATE INDEX bd_notification_created ON bd_notification (created_at);
