package org.linli.basedata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A resident as staff see it: id-card number and phone masked. */
public record ResidentView(long id, String name, String gender, String idCardMasked, LocalDate birthDate,
        String phoneMasked, int disabilityLevel, String hukouType, boolean livingAlone, List<String> tags,
        long householdId, String householdNo, BigDecimal householdIncomePerCapita, String standardAddress,
        String gridCode, String communityCode) {
}
