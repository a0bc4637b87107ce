package org.linli.support;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Rows inserted, updated and deleted in this database so far, from PostgreSQL's table statistics: a figure of a
 * benchmark that repeats from run to run where times do not. Every server counts them; nothing needs preloading.
 */
public final class RowsWritten {

    /**
     * Each backend reports its counts when it goes idle, at most once a second, and an idle pooled connection
     * flushes what it still holds after ten seconds (PostgreSQL 15, {@code PGSTAT_IDLE_INTERVAL}).
     */
    private static final long SETTLE_MILLIS = 11_000;

    private RowsWritten() {
    }

    /** Rows written so far, once every backend has reported what it wrote. */
    public static Count settled(JdbcTemplate jdbc) {
        try {
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while table statistics settled", e);
        }
        Map<String, Long> byTable = new TreeMap<>();
        jdbc.query("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables",
                (RowCallbackHandler) rs -> byTable.merge(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2),
                        Long::sum));
        return new Count(byTable);
    }

    /** Rows written so far, by table. */
    public record Count(Map<String, Long> byTable) {

        public Count since(Count before) {
            Map<String, Long> written = new TreeMap<>();
            byTable.forEach((table, rows) -> {
                long since = rows - before.byTable.getOrDefault(table, 0L);
                if (since != 0) {
                    written.put(table, since);
                }
            });
            return new Count(written);
        }

        /** Rows written to the engine's tables ({@code act_*}). */
        public long engine() {
            return byTable.entrySet().stream().filter(e -> e.getKey().startsWith("act_"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long all() {
            return byTable.values().stream().mapToLong(Long::longValue).sum();
        }

        /** {@code <what>_engine_rows=… <what>_all_rows=…} per unit of work, for a {@code BENCH} line. */
        public String per(String what, long units) {
            return "%1$s_engine_rows=%2$.1f %1$s_all_rows=%3$.1f".formatted(what, (double) engine() / units,
                    (double) all() / units);
        }

        /** {@code table=rows …} per unit of work, the largest first: where the rows go. */
        public String perTable(long units) {
            return byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> "%s=%.1f".formatted(e.getKey(), (double) e.getValue() / units))
                    .collect(Collectors.joining(" "));
        }
    }
}
