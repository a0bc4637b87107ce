package org.linli.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What the base data store knows about one resident, as the policy decisions read it. {@code null} means "not
 * collected": the decisions answer it with "needs-data".
 */
record ResidentFacts(long residentId, LocalDate birthDate, boolean localHukou,
        Double incomePerCapita, Double assetsPerCapita, int disabilityLevel, boolean livingAlone, Integer careLevel,
        Boolean hasSupporter, String hardshipEvent, LocalDate hardshipDate) {

    /** The inputs of dmn/eligibility-policies.dmn on {@code today}, parameters included; a new map each call. */
    Map<String, Object> inputs(LocalDate today, EligibilityProperties parameters) {
        Map<String, Object> inputs = new HashMap<>(32);
        inputs.put("age", age(today));
        inputs.put("localHukou", localHukou);
        inputs.put("incomePerCapita", incomePerCapita);
        inputs.put("assetsPerCapita", assetsPerCapita);
        inputs.put("disabilityLevel", disabilityLevel);
        inputs.put("livingAlone", livingAlone);
        inputs.put("careLevel", careLevel);
        inputs.put("hasSupporter", hasSupporter);
        inputs.put("hardshipEvent", hardshipEvent);
        inputs.put("hardshipDays", hardshipDate == null ? null : (int) ChronoUnit.DAYS.between(hardshipDate, today));
        inputs.put("povertyLine", parameters.povertyLine());
        inputs.put("assetLimit", parameters.assetLimit());
        inputs.put("lowIncomeLine", parameters.lowIncomeLine());
        return inputs;
    }

    /** Full years on {@code today}; {@code null} without a (plausible) birth date. */
    Integer age(LocalDate today) {
        if (birthDate == null || birthDate.isAfter(today)) {
            return null;
        }
        return Period.between(birthDate, today).getYears();
    }
}
