package org.linli.grievance;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a reporter in their grievances (PIPL erasure): name and phone removed, description, address and timeline
 * texts masked. The cases, their categories, dates and outcomes stay, so statistics keep adding up.
 */
@Service
public class ReporterErasure {

    private final JdbcTemplate jdbc;

    ReporterErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers the process instances of the cases it changed (their engine variables and index follow). */
    @Transactional
    public List<String> forget(String userId, String phone, UnaryOperator<String> scrub) {
        List<String[]> cases = jdbc.query("""
                SELECT case_number, process_instance_id, description, address_text FROM grv_case
                 WHERE reporter_user_id = ? OR reporter_phone = ?""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                userId, phone);
        for (String[] c : cases) {
            jdbc.update("""
                    UPDATE grv_case SET reporter_name = NULL, reporter_phone = NULL, reporter_user_id = NULL,
                           description = ?, address_text = ? WHERE case_number = ?""",
                    scrub.apply(c[2]), scrub.apply(c[3]), c[0]);
            jdbc.query("SELECT id, text FROM grv_case_event WHERE case_number = ?", rs -> {
                jdbc.update("UPDATE grv_case_event SET text = ? WHERE id = ?", scrub.apply(rs.getString(2)),
                        rs.getLong(1));
            }, c[0]);
        }
        return cases.stream().map(c -> c[1]).filter(id -> id != null).toList();
    }
}
