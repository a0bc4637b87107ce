package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.basedata.SyntheticCommunityGenerator.GenerationResult;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SyntheticCommunityGeneratorIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SyntheticCommunityGenerator generator;

    @Test
    void fillsARealisticCountyThatTheApiServes() {
        ResponseEntity<String> response = Api.as(rest, "admin").post("/api/admin/basedata/synthetic",
                "{\"seed\":7,\"residents\":5000,\"referenceDate\":\"2026-11-23\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String county = "syn7";
        Integer residents = jdbc.queryForObject("""
                SELECT COUNT(*) FROM bd_resident r JOIN bd_household h ON h.id = r.household_id
                  JOIN bd_address a ON a.id = h.address_id JOIN bd_grid g ON g.code = a.grid_code
                 WHERE g.code LIKE ?""", Integer.class, county + "-%");
        assertThat(residents).isEqualTo(5000);
        double elderlyShare = jdbc.queryForObject("""
                SELECT COUNT(*) FROM bd_resident_tag t JOIN bd_resident r ON r.id = t.resident_id
                  JOIN bd_household h ON h.id = r.household_id JOIN bd_address a ON a.id = h.address_id
                 WHERE t.tag = 'elderly' AND a.grid_code LIKE ?""", Integer.class, county + "-%") / 5000.0;
        assertThat(elderlyShare).as("share of residents aged 60+ (census 2020: about 18.7 %%)").isBetween(0.14, 0.24);
        // a community of about 5,000 people in grids of 200 households, as in the cities the seeds describe
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_community WHERE street_code LIKE ?", Integer.class,
                county + "-%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_grid WHERE code LIKE ?", Integer.class,
                county + "-%")).isBetween(8, 12);

        String grid = jdbc.queryForObject("SELECT MIN(code) FROM bd_grid WHERE code LIKE ?", String.class, county + "-%");
        ResponseEntity<String> page = Api.as(rest, "wang.fang").get("/api/basedata/grids/" + grid + "/residents?size=5");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("\"idCardMasked\"").contains("********");

        Integer next = jdbc.queryForObject("SELECT MAX(id) FROM bd_resident", Integer.class);
        ResponseEntity<String> again = Api.as(rest, "admin").post("/api/admin/basedata/synthetic",
                "{\"seed\":7,\"residents\":10}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("BD-011");
        assertThat(jdbc.queryForObject("SELECT MAX(id) FROM bd_resident", Integer.class)).isEqualTo(next);
    }

    @Test
    void sameSeedGivesTheSamePeople() {
        GenerateCommunityCommand command = new GenerateCommunityCommand(101, 800, LocalDate.of(2026, 1, 1));
        GenerationResult first = generator.generate(command);
        deleteCounty(first.countyCode());

        GenerationResult again = generator.generate(command);
        GenerationResult otherSeed = generator.generate(new GenerateCommunityCommand(102, 800, LocalDate.of(2026, 1, 1)));

        assertThat(again.checksum()).isEqualTo(first.checksum());
        assertThat(again.households()).isEqualTo(first.households());
        assertThat(otherSeed.checksum()).isNotEqualTo(first.checksum());
        assertThat(first.residents()).isEqualTo(800);
    }

    @Test
    void registersAfterGenerationKeepWorking() {
        generator.generate(new GenerateCommunityCommand(55, 300, LocalDate.of(2026, 1, 1)));

        ResponseEntity<String> address = Api.as(rest, "wang.fang").post("/api/basedata/addresses",
                "{\"gridCode\":\"xh02-01\",\"road\":\"友谊路\",\"building\":\"9\",\"unit\":\"1\",\"room\":\"101\"}");

        assertThat(address.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onlyAdministratorsMayGenerate() {
        assertThat(Api.as(rest, "wang.fang").post("/api/admin/basedata/synthetic", "{\"seed\":9,\"residents\":10}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void deleteCounty(String county) {
        String grids = "SELECT code FROM bd_grid WHERE code LIKE '" + county + "-%'";
        String addresses = "SELECT id FROM bd_address WHERE grid_code IN (" + grids + ")";
        String households = "SELECT id FROM bd_household WHERE address_id IN (" + addresses + ")";
        jdbc.update("DELETE FROM bd_resident_tag WHERE resident_id IN (SELECT id FROM bd_resident WHERE household_id IN ("
                + households + "))");
        jdbc.update("DELETE FROM bd_resident WHERE household_id IN (" + households + ")");
        jdbc.update("DELETE FROM bd_household WHERE address_id IN (" + addresses + ")");
        jdbc.update("DELETE FROM bd_address WHERE grid_code IN (" + grids + ")");
        jdbc.update("DELETE FROM bd_grid WHERE code LIKE ?", county + "-%");
        jdbc.update("DELETE FROM bd_community WHERE code LIKE ?", county + "-%");
        jdbc.update("DELETE FROM bd_street WHERE code LIKE ?", county + "-%");
        jdbc.update("DELETE FROM bd_county WHERE code = ?", county);
    }
}
