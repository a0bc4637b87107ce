-- When a home visit ended (its last change decided, or nothing to decide): its retention counts from then
-- (docs/privacy.md, ExpiredHomeVisitPurge). Visits that ended before this column existed take their last decision.
ALTER TABLE rpt_home_visit ADD COLUMN closed_at TIMESTAMP;
UPDATE rpt_home_visit SET closed_at = COALESCE(
    (SELECT MAX(c.decided_at) FROM rpt_visit_change c WHERE c.visit_id = rpt_home_visit.id), created_at)
 WHERE status <> 'PENDING';
CREATE INDEX rpt_home_visit_closed ON rpt_home_visit (closed_at);
