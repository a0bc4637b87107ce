package org.linli.basedata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** Households and residents, as stored. */
final class People {

    private People() {
    }

    @Table("bd_household")
    record Household(@Id Long id, String householdNo, long addressId, BigDecimal incomePerCapita, Instant createdAt) {
    }

    /** A resident. {@link #toString()} masks the phone number, so logs never carry it in full. */
    @Table("bd_resident")
    record Resident(@Id Long id, long householdId, String name, String gender, String idCardHash, String idCardMasked,
            LocalDate birthDate, String phone, int disabilityLevel, String hukouType, boolean livingAlone,
            @MappedCollection(idColumn = "resident_id") Set<ResidentTag> tags, @Version Integer version,
            Instant createdAt, Instant updatedAt) {

        @Override
        public String toString() {
            return "Resident[id=" + id + ", householdId=" + householdId + ", idCard=" + idCardMasked + ", phone="
                    + Masking.phone(phone) + "]";
        }
    }

    @Table("bd_resident_tag")
    record ResidentTag(String tag) {
    }
}
