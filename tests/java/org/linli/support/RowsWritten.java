package org.linli.support;

import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

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

    /** The engine's tables ({@code act_*}) and all tables, once every backend has reported what it wrote. */
    public static Count settled(JdbcTemplate jdbc) {
        try {
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while table statistics settled", e);
        }
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del) FILTER (WHERE relname LIKE 'act\\_%'), 0),
                       COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0)
                  FROM pg_stat_user_tables""", (rs, n) -> new Count(rs.getLong(1), rs.getLong(2)));
    }

    /** Rows written to the engine's tables and to all tables. */
    public record Count(long engine, long all) {

        public Count since(Count before) {
            return new Count(engine - before.engine, all - before.all);
        }

        /** {@code <what>_engine_rows=… <what>_all_rows=…} per unit of work, for a {@code BENCH} line. */
        public String per(String what, long units) {
            return "%1$s_engine_rows=%2$.1f %1$s_all_rows=%3$.1f".formatted(what, (double) engine / units,
                    (double) all / units);
        }
    }
}
