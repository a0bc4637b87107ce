-- Facts the policy rules of eligibility (dmn/eligibility-*.dmn) need and the base data store did not hold yet.
-- All nullable: NULL means "not collected yet", which the decisions answer with "needs-data", never a guess.

-- 家庭人均金融资产 (savings, securities) for the minimum living allowance
ALTER TABLE bd_household ADD COLUMN assets_per_capita NUMERIC(14, 2);

-- 照护需求等级 from the care needs assessment: 0 none, 1 mild, 2 moderate, 3 severe
ALTER TABLE bd_resident ADD COLUMN care_level SMALLINT;
ALTER TABLE bd_resident ADD CONSTRAINT bd_resident_care_level CHECK (care_level BETWEEN 0 AND 3);
-- whether a legal supporter (法定赡养、抚养、扶养义务人) able to support exists
ALTER TABLE bd_resident ADD COLUMN has_supporter BOOLEAN;
-- the latest sudden hardship (hospitalisation, disaster) and its date, for temporary assistance
ALTER TABLE bd_resident ADD COLUMN hardship_event VARCHAR(20);
ALTER TABLE bd_resident ADD COLUMN hardship_date DATE;
ALTER TABLE bd_resident ADD CONSTRAINT bd_resident_hardship_event
    CHECK (hardship_event IN ('hospitalisation', 'disaster'));

-- rental houses (出租屋): what the registration and the grid worker's inspection found
ALTER TABLE bd_address ADD COLUMN rental_tenants INTEGER;
ALTER TABLE bd_address ADD COLUMN rental_area_sqm NUMERIC(8, 2);
ALTER TABLE bd_address ADD COLUMN rental_fire_hazards INTEGER;
ALTER TABLE bd_address ADD COLUMN rental_unregistered INTEGER;
ALTER TABLE bd_address ADD COLUMN rental_incidents INTEGER;

-- the resident's own portal account (engine user id), so that residents see their own offers
ALTER TABLE bd_resident ADD COLUMN user_id VARCHAR(64);
CREATE UNIQUE INDEX bd_resident_user ON bd_resident (user_id);
