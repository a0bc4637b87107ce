-- County → street/town → community → grid (三级联动, 网格在社区之下)
CREATE TABLE bd_county (
    code VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE bd_street (
    code        VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    county_code VARCHAR(32)  NOT NULL REFERENCES bd_county (code)
);

CREATE TABLE bd_community (
    code        VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    street_code VARCHAR(32)  NOT NULL REFERENCES bd_street (code)
);

CREATE TABLE bd_grid (
    code           VARCHAR(32)  PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    community_code VARCHAR(32)  NOT NULL REFERENCES bd_community (code)
);
CREATE INDEX bd_grid_community ON bd_grid (community_code);
CREATE INDEX bd_community_street ON bd_community (street_code);
