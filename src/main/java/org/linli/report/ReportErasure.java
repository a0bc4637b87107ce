package org.linli.report;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.linli.basedata.Masking;
import org.linli.basedata.PersonalDataEraser;
import org.linli.basedata.PersonalDataEraser.ErasedResident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a resident in this feature's records (PIPL erasure): home-visit notes and the phone numbers a visit found,
 * and the resident's row in the rosters filed by their community (the filed documents keep their rows and totals,
 * only name, masked id-card and phone go). The visits, filings and their versions stay.
 */
@Service
public class ReportErasure {

    private final JdbcTemplate jdbc;

    ReportErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers the process instances of the resident's home visits (their engine variables follow). */
    @Transactional
    public List<String> forget(ErasedResident resident, UnaryOperator<String> scrub) {
        List<Visit> visits = jdbc.query(
                "SELECT id, note, process_instance_id FROM rpt_home_visit WHERE resident_id = ?",
                (rs, i) -> new Visit(rs.getLong(1), rs.getString(2), rs.getString(3)), resident.id());
        for (Visit visit : visits) {
            jdbc.update("UPDATE rpt_home_visit SET note = ? WHERE id = ?", scrub.apply(visit.note()), visit.id());
            jdbc.query("SELECT id, old_value, new_value FROM rpt_visit_change WHERE visit_id = ? AND kind = 'PHONE'",
                    change -> {
                        jdbc.update("UPDATE rpt_visit_change SET old_value = ?, new_value = ? WHERE id = ?",
                                Masking.phone(change.getString(2)), Masking.phone(change.getString(3)),
                                change.getLong(1));
                    }, visit.id());
        }
        UnaryOperator<String> documents = text -> scrub.apply(withoutRow(text, resident));
        jdbc.query("""
                SELECT v.id, v.field_values, v.html, v.csv FROM rpt_version v JOIN rpt_filing f ON f.id = v.filing_id
                 WHERE f.community_code = ?""", rs -> {
            jdbc.update("UPDATE rpt_version SET field_values = ?, html = ?, csv = ? WHERE id = ?",
                    documents.apply(rs.getString(2)), documents.apply(rs.getString(3)),
                    documents.apply(rs.getString(4)), rs.getLong(1));
        }, resident.communityCode());
        jdbc.query("""
                SELECT id, html, csv FROM rpt_consolidation
                 WHERE request_id IN (SELECT request_id FROM rpt_filing WHERE community_code = ?)""", rs -> {
            jdbc.update("UPDATE rpt_consolidation SET html = ?, csv = ? WHERE id = ?",
                    documents.apply(rs.getString(2)), documents.apply(rs.getString(3)), rs.getLong(1));
        }, resident.communityCode());
        return visits.stream().map(Visit::processInstanceId).filter(id -> id != null).toList();
    }

    private record Visit(long id, String note, String processInstanceId) {
    }

    /**
     * A roster prints one person per line (CSV row, HTML {@code <tr>}): on the resident's line the masked id-card
     * goes too, which on its own (first and last four digits) is not unique enough to replace anywhere else.
     */
    private static String withoutRow(String text, ErasedResident resident) {
        if (text == null || resident.name() == null || resident.idCardMasked() == null) {
            return text;
        }
        return Arrays.stream(text.split("\n", -1))
                .map(line -> line.contains(resident.name())
                        ? line.replace(resident.idCardMasked(), PersonalDataEraser.ERASED_ID_CARD) : line)
                .collect(Collectors.joining("\n"));
    }
}
