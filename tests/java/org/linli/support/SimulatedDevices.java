package org.linli.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.linli.alarm.simulator.DeviceStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The devices of a simulated stream, registered straight in base data for benchmarks and the fault suite (the API is
 * not what they put under load).
 */
public final class SimulatedDevices {

    private SimulatedDevices() {
    }

    /** Registers every device of {@code stream} in community xh01, named {@code label n}; existing ones stay. */
    public static void register(JdbcTemplate jdbc, DeviceStream stream, String label) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < stream.devices(); n++) {
            rows.add(new Object[] {stream.deviceId(n), DeviceStream.sensorTypeOf(n), "xh01", label + " " + n, 300, now});
        }
        jdbc.batchUpdate("INSERT INTO bd_device (id, sensor_type, community_code, location, "
                + "heartbeat_interval_seconds, installed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", rows);
        jdbc.execute("ANALYZE bd_device");
    }
}
