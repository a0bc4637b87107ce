package org.linli.basedata;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises one resident in the base data store (PIPL erasure): name, phone, id-card hash and mask, account link
 * and exact birth date go; the row stays (household, gender, birth year, disability, tags), so counts and
 * statistics keep adding up. Notifications addressed to the resident keep their count with personal text masked.
 */
@Service
public class PersonalDataEraser {

    static final String ERASED_NAME = "已注销居民";

    /** What stands for an erased id-card number wherever its masked form was shown. */
    public static final String ERASED_ID_CARD = "******************";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PersonalDataEraser(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who the resident was, before erasure: what the other stores must forget. */
    @Transactional(readOnly = true)
    public ErasedResident whoIs(long residentId) {
        List<ErasedResident> found = jdbc.query("""
                SELECT r.id, r.name, r.phone, r.user_id, g.community_code, r.id_card_masked FROM bd_resident r
                  JOIN bd_household h ON h.id = r.household_id JOIN bd_address a ON a.id = h.address_id
                  JOIN bd_grid g ON g.code = a.grid_code WHERE r.id = ?""",
                (rs, i) -> new ErasedResident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), residentId);
        if (found.isEmpty()) {
            throw BaseDataProblems.residentNotFound(residentId);
        }
        return found.get(0);
    }

    /** Anonymises the resident row and the notifications addressed to them; {@code scrub} masks free text. */
    @Transactional
    public void erase(ErasedResident resident, UnaryOperator<String> scrub) {
        jdbc.update("""
                UPDATE bd_resident SET name = ?, phone = NULL, user_id = NULL, id_card_hash = ?,
                       id_card_masked = ?,
                       birth_date = CAST(CONCAT(CAST(EXTRACT(YEAR FROM birth_date) AS INTEGER), '-01-01') AS DATE),
                       version = version + 1, updated_at = ?
                 WHERE id = ?""", ERASED_NAME, erasedHash(resident.id()), ERASED_ID_CARD,
                Timestamp.from(clock.instant()), resident.id());
        for (String recipient : new String[] {resident.userId(), resident.phone()}) {
            if (recipient == null) {
                continue;
            }
            jdbc.query("SELECT id, title, body FROM bd_notification WHERE recipient = ?", rs -> {
                jdbc.update("UPDATE bd_notification SET recipient = ?, title = ?, body = ? WHERE id = ?",
                        recipient.equals(resident.phone()) ? Masking.phone(recipient) : "erased-" + resident.id(),
                        scrub.apply(rs.getString("title")), scrub.apply(rs.getString("body")), rs.getLong("id"));
            }, recipient);
        }
        audit.record(AuditEvent.of("resident.erased", "resident", resident.id(), resident.communityCode()));
    }

    /** A unique placeholder for the id-card hash column (unique, not null), derived from nothing personal. */
    private static String erasedHash(long residentId) {
        return HexFormat.of().formatHex(String.format("%032d", residentId).getBytes()).substring(0, 64);
    }

    /** A resident's personal identifiers, as they were. */
    public record ErasedResident(long id, String name, String phone, String userId, String communityCode,
            String idCardMasked) {
    }
}
