package org.linli.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's guard of {@code aud_entry} (db/vendor/h2): every UPDATE and DELETE fails; PostgreSQL has its own trigger. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("aud_entry is append-only (" + (newRow == null ? "DELETE" : "UPDATE") + " refused)",
                "42501");
    }
}
