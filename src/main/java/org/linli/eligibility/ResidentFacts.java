package org.linli.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the base data store knows about one resident, as the policy decisions read it. {@code null} means "not
 * collected": the decisions answer it with "needs-data".
 */
record ResidentFacts(long residentId, String communityCode, LocalDate birthDate, boolean localHukou,
        Double incomePerCapita, Double assetsPerCapita, int disabilityLevel, boolean livingAlone, Integer careLevel,
        Boolean hasSupporter, String hardshipEvent, LocalDate hardshipDate) {

    /** The inputs of dmn/eligibility-policies.dmn on {@code today}, parameters included. */
    VariableMap variables(LocalDate today, EligibilityProperties parameters) {
        return Variables.createVariables()
                .putValue("age", age(today))
                .putValue("localHukou", localHukou)
                .putValue("incomePerCapita", incomePerCapita)
                .putValue("assetsPerCapita", assetsPerCapita)
                .putValue("disabilityLevel", disabilityLevel)
                .putValue("livingAlone", livingAlone)
                .putValue("careLevel", careLevel)
                .putValue("hasSupporter", hasSupporter)
                .putValue("hardshipEvent", hardshipEvent)
                .putValue("hardshipDays", hardshipDate == null ? null
                        : (int) ChronoUnit.DAYS.between(hardshipDate, today))
                .putValue("povertyLine", parameters.povertyLine())
                .putValue("assetLimit", parameters.assetLimit())
                .putValue("lowIncomeLine", parameters.lowIncomeLine());
    }

    /** Full years on {@code today}; {@code null} without a (plausible) birth date. */
    Integer age(LocalDate today) {
        if (birthDate == null || birthDate.isAfter(today)) {
            return null;
        }
        return Period.between(birthDate, today).getYears();
    }
}
