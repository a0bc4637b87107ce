package org.linli.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rewrites personal text in the engine's stores: variables at runtime ({@code ACT_RU_VARIABLE}) and in history
 * ({@code ACT_HI_VARINST}), serialized values ({@code ACT_GE_BYTEARRAY}, JSON objects and long strings), and the
 * comments staff add to tasks in Tasklist ({@code ACT_HI_COMMENT}). The engine has no API to rewrite a historic
 * value or a comment, and erasure (PIPL art. 47) needs exactly that, so this is the one place Linli writes engine
 * tables with SQL; it changes values only, never ids, revisions or structure.
 */
@Component
class EngineTextScrubber {

    private final JdbcTemplate jdbc;

    EngineTextScrubber(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Scrubs every variable text and comment containing one of {@code needles}, and every text variable and comment
     * of the given process instances (a description may quote an id-card number the system never knew in clear).
     */
    void scrub(List<String> needles, Collection<String> processInstanceIds, UnaryOperator<String> scrub) {
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST")) {
            for (String needle : needles) {
                rewrite(table, "TEXT_ LIKE ?", "%" + needle + "%", scrub);
            }
            for (String instance : processInstanceIds) {
                rewrite(table, "PROC_INST_ID_ = ? AND TEXT_ IS NOT NULL", instance, scrub);
            }
        }
        scrubComments(needles, processInstanceIds, scrub);
        jdbc.query("""
                SELECT ID_, BYTES_ FROM ACT_GE_BYTEARRAY
                 WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE BYTEARRAY_ID_ IS NOT NULL)
                    OR ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST WHERE BYTEARRAY_ID_ IS NOT NULL)""", rs -> {
            byte[] bytes = rs.getBytes(2);
            if (bytes == null) {
                return;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (needles.stream().anyMatch(text::contains)) {
                jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE ID_ = ?",
                        scrub.apply(text).getBytes(StandardCharsets.UTF_8), rs.getString(1));
            }
        });
    }

    /** A comment keeps its text twice: {@code MESSAGE_} (shortened for lists) and {@code FULL_MSG_} (bytes). */
    private void scrubComments(List<String> needles, Collection<String> processInstanceIds,
            UnaryOperator<String> scrub) {
        List<String> where = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (String needle : needles) {
            where.add("MESSAGE_ LIKE ?");
            arguments.add("%" + needle + "%");
        }
        for (String instance : processInstanceIds) {
            where.add("PROC_INST_ID_ = ?");
            arguments.add(instance);
        }
        if (where.isEmpty()) {
            return;
        }
        jdbc.query("SELECT ID_, MESSAGE_, FULL_MSG_ FROM ACT_HI_COMMENT WHERE " + String.join(" OR ", where), rs -> {
            byte[] full = rs.getBytes(3);
            String message = scrub.apply(rs.getString(2));
            byte[] fullScrubbed = full == null ? null
                    : scrub.apply(new String(full, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            jdbc.update("UPDATE ACT_HI_COMMENT SET MESSAGE_ = ?, FULL_MSG_ = ? WHERE ID_ = ?", message, fullScrubbed,
                    rs.getString(1));
        }, arguments.toArray());
    }

    private void rewrite(String table, String where, String argument, UnaryOperator<String> scrub) {
        jdbc.query("SELECT ID_, TEXT_ FROM " + table + " WHERE " + where, rs -> {
            String scrubbed = scrub.apply(rs.getString(2));
            if (!scrubbed.equals(rs.getString(2))) {
                jdbc.update("UPDATE " + table + " SET TEXT_ = ? WHERE ID_ = ?", scrubbed, rs.getString(1));
            }
        }, argument);
    }
}
