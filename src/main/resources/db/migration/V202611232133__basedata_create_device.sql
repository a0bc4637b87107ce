CREATE TABLE bd_device (
    id                         VARCHAR(64)  PRIMARY KEY,
    sensor_type                VARCHAR(32)  NOT NULL,
    community_code             VARCHAR(32)  NOT NULL REFERENCES bd_community (code),
    address_id                 BIGINT       REFERENCES bd_address (id),
    household_id               BIGINT       REFERENCES bd_household (id),
    location                   VARCHAR(200) NOT NULL,
    heartbeat_interval_seconds INTEGER      NOT NULL DEFAULT 300,
    installed_at               TIMESTAMP    NOT NULL
);
CREATE INDEX bd_device_community ON bd_device (community_code);
