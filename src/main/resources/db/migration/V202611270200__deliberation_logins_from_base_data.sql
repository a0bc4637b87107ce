-- A login acts for the household of the resident it belongs to (bd_resident.user_id, ADR 0009): deliberation's own
-- table of login -> household links goes. A link moves to base data only where it names one person for certain: the
-- household's only resident, who has no login yet, and a login no resident holds. Other links are dropped and their
-- logins are linked again by clerks (PUT /api/basedata/residents/{id}/account), which names the person.
UPDATE bd_resident SET user_id = (
        SELECT a.user_id FROM dlb_household_account a WHERE a.household_id = bd_resident.household_id)
 WHERE user_id IS NULL
   AND (SELECT COUNT(*) FROM bd_resident o WHERE o.household_id = bd_resident.household_id) = 1
   AND (SELECT COUNT(*) FROM dlb_household_account a WHERE a.household_id = bd_resident.household_id) = 1
   AND NOT EXISTS (SELECT 1 FROM dlb_household_account a JOIN bd_resident r ON r.user_id = a.user_id
                    WHERE a.household_id = bd_resident.household_id);
DROP TABLE dlb_household_account;
