package org.linli.basedata;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.linli.basedata.PlaceCommands.CreateCommunityCommand;
import org.linli.basedata.PlaceCommands.CreateCountyCommand;
import org.linli.basedata.PlaceCommands.CreateGridCommand;
import org.linli.basedata.PlaceCommands.CreateStreetCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the base data store with a realistic synthetic county for demos and benchmarks, deterministically
 * from a seed: the same seed, size and reference date always give the same people (see {@code checksum}).
 * The hierarchy goes through {@link PlaceRegistry}; addresses, households and residents are written with
 * JDBC batches because the repositories' one-row-at-a-time inserts cannot fill 200,000 residents in
 * seconds. Ids are assigned here in one block and the identity columns moved past it, so run the
 * generator while nobody else registers people.
 */
@Service
public class SyntheticCommunityGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticCommunityGenerator.class);

    static final int HOUSEHOLDS_PER_GRID = 200;
    static final int GRIDS_PER_COMMUNITY = 10;
    static final int COMMUNITIES_PER_STREET = 10;
    static final String[] ROADS = {"幸福路", "和平街", "建设路", "人民路", "解放路", "胜利街", "友谊路", "光明路",
            "文化路", "新华路"};
    static final String[] PLACE_NAMES = {"东湖", "西山", "南苑", "北辰", "春晖", "秋实", "青松", "翠竹", "金桂", "银杏",
            "长乐", "永安", "丰泽", "广福", "瑞景", "祥和", "锦绣", "明珠", "阳光", "滨江"};

    private final PlaceRegistry places;
    private final PlaceRepository placeRepository;
    private final JdbcTemplate jdbc;
    private final BaseDataProperties properties;

    SyntheticCommunityGenerator(PlaceRegistry places, PlaceRepository placeRepository, JdbcTemplate jdbc,
            BaseDataProperties properties) {
        this.places = places;
        this.placeRepository = placeRepository;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional
    public GenerationResult generate(GenerateCommunityCommand command) {
        long started = System.nanoTime();
        long seed = command.seed();
        String county = "syn" + Long.toString(seed, 36).replace('-', 'n');
        if (jdbc.queryForObject("SELECT COUNT(*) FROM bd_county WHERE code = ?", Integer.class, county) > 0) {
            throw BaseDataProblems.syntheticExists(seed);
        }
        SyntheticPopulation population = new SyntheticPopulation(seed);
        Batch batch = new Batch(properties.generatorBatchSize(), nextId("bd_address"), nextId("bd_household"),
                nextId("bd_resident"));
        String regionCode = String.format("%06d", 110000 + Math.floorMod(seed, 800000));
        Map<LocalDate, Integer> sequences = new HashMap<>();
        CRC32 checksum = new CRC32();

        places.createCounty(new CreateCountyCommand(county, "合成县" + seed));
        int residents = 0;
        int grids = 0;
        int communities = 0;
        int streets = 0;
        while (residents < command.residents()) {
            String street = county + "-s" + ++streets;
            places.createStreet(new CreateStreetCommand(street, PLACE_NAMES[(streets - 1) % PLACE_NAMES.length] + "街道", county));
            for (int c = 1; c <= COMMUNITIES_PER_STREET && residents < command.residents(); c++) {
                String community = street + "-c" + c;
                places.createCommunity(new CreateCommunityCommand(community,
                        PLACE_NAMES[(c - 1) % PLACE_NAMES.length] + "社区", street));
                String areaName = places.areaName(placeRepository.findCommunity(community).orElseThrow());
                communities++;
                for (int g = 0; g < GRIDS_PER_COMMUNITY && residents < command.residents(); g++) {
                    String grid = community + "-g" + (g + 1);
                    places.createGrid(new CreateGridCommand(grid, "第" + (g + 1) + "网格", community));
                    grids++;
                    for (int h = 0; h < HOUSEHOLDS_PER_GRID && residents < command.residents(); h++) {
                        boolean rental = population.rental();
                        long addressId = batch.address(grid, areaName, g, h, rental,
                                rental ? population.rentalInspection() : null);
                        int size = Math.min(population.householdSize(), command.residents() - residents);
                        double income = population.incomePerCapita();
                        long householdId = batch.household(grid + "-h" + (h + 1), addressId, income,
                                population.assetsPerCapita(income));
                        for (int m = 0; m < size; m++) {
                            boolean male = population.male();
                            int age = population.age(m == 0);
                            LocalDate birthDate = population.birthDate(command.referenceDate(), age);
                            int sequence = sequences.merge(birthDate, 1, Integer::sum) * 2 + (male ? 1 : 0);
                            String first17 = regionCode + birthDate.toString().replace("-", "")
                                    + String.format("%03d", sequence % 1000);
                            IdCardNumber idCard = IdCardNumber.parse(first17 + IdCardNumber.checkChar(first17));
                            String name = population.name(male);
                            int disability = population.disabilityLevel(age);
                            boolean alone = size == 1;
                            List<String> tags = new ArrayList<>(2);
                            if (age >= 60) {
                                tags.add("elderly");
                            }
                            if ((age >= 80 && alone) || (disability > 0 && disability <= 2)) {
                                tags.add("special-care");
                            }
                            Integer careLevel = population.careLevel(age);
                            Boolean supporter = population.hasSupporter(age, alone);
                            Object[] hardship = population.hardship();
                            LocalDate hardshipDate = hardship == null ? null
                                    : command.referenceDate().minusDays((Integer) hardship[1]);
                            batch.resident(householdId, name, idCard, population.phone(age), disability,
                                    population.hukouType(), alone, tags, careLevel, supporter,
                                    hardship == null ? null : (String) hardship[0], hardshipDate);
                            checksum.update((name + idCard.masked() + birthDate + disability + tags + careLevel
                                    + supporter + hardshipDate).getBytes(StandardCharsets.UTF_8));
                            residents++;
                        }
                    }
                }
            }
        }
        batch.flush();
        restartIdentity("bd_address", batch.nextAddressId);
        restartIdentity("bd_household", batch.nextHouseholdId);
        restartIdentity("bd_resident", batch.nextResidentId);
        long millis = (System.nanoTime() - started) / 1_000_000;
        GenerationResult result = new GenerationResult(county, streets, communities, grids, batch.households,
                residents, Long.toHexString(checksum.getValue()), millis);
        LOG.info("Generated synthetic county {}: {} residents in {} households, {} grids, {} ms", county, residents,
                batch.households, grids, millis);
        return result;
    }

    private long nextId(String table) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
        return max == null ? 1 : max + 1;
    }

    private void restartIdentity(String table, long next) {
        jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
    }

    /** Rows waiting to be written, flushed in JDBC batches. */
    private final class Batch {

        private final int size;
        private final List<Object[]> addresses = new ArrayList<>();
        private final List<Object[]> householdRows = new ArrayList<>();
        private final List<Object[]> residentRows = new ArrayList<>();
        private final List<Object[]> tagRows = new ArrayList<>();
        private final byte[] key = properties.idCardKeyBytes();
        private final Timestamp now = new Timestamp(System.currentTimeMillis());
        private long nextAddressId;
        private long nextHouseholdId;
        private long nextResidentId;
        private int households;

        Batch(int size, long firstAddressId, long firstHouseholdId, long firstResidentId) {
            this.size = size;
            this.nextAddressId = firstAddressId;
            this.nextHouseholdId = firstHouseholdId;
            this.nextResidentId = firstResidentId;
        }

        long address(String grid, String areaName, int gridIndex, int index, boolean rental, Object[] inspection) {
            String road = ROADS[gridIndex % ROADS.length];
            String building = String.valueOf(gridIndex * 50 + index / 24 + 1);
            String unit = String.valueOf(index % 24 / 12 + 1);
            String room = String.valueOf((index % 12 / 2 + 1) * 100 + index % 2 + 1);
            String text = PlaceRegistry.standardAddress(areaName, road, building, unit, room);
            long id = nextAddressId++;
            Object[] found = inspection == null ? new Object[5] : inspection;
            addresses.add(new Object[] {id, grid, text, road, building, unit, room, rental, found[0], found[1], found[2],
                found[3], found[4]});
            return id;
        }

        long household(String householdNo, long addressId, double income, Double assets) {
            long id = nextHouseholdId++;
            households++;
            householdRows.add(new Object[] {id, householdNo, addressId, BigDecimal.valueOf(income),
                assets == null ? null : BigDecimal.valueOf(assets), now});
            return id;
        }

        void resident(long householdId, String name, IdCardNumber idCard, String phone, int disability,
                String hukou, boolean alone, List<String> tags, Integer careLevel, Boolean supporter,
                String hardshipEvent, LocalDate hardshipDate) {
            long id = nextResidentId++;
            residentRows.add(new Object[] {id, householdId, name, String.valueOf(idCard.gender()), idCard.hash(key),
                    idCard.masked(), Date.valueOf(idCard.birthDate()), phone, disability, hukou, alone, careLevel,
                    supporter, hardshipEvent, hardshipDate == null ? null : Date.valueOf(hardshipDate), now, now});
            for (String tag : tags) {
                tagRows.add(new Object[] {id, tag});
            }
            if (residentRows.size() >= size) {
                flush();
            }
        }

        void flush() {
            write("INSERT INTO bd_address (id, grid_code, standard_address, road, building, unit, room, rental, "
                    + "rental_tenants, rental_area_sqm, rental_fire_hazards, rental_unregistered, rental_incidents) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", addresses);
            write("INSERT INTO bd_household (id, household_no, address_id, income_per_capita, assets_per_capita, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)", householdRows);
            write("INSERT INTO bd_resident (id, household_id, name, gender, id_card_hash, id_card_masked, birth_date, "
                    + "phone, disability_level, hukou_type, living_alone, care_level, has_supporter, hardship_event, "
                    + "hardship_date, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", residentRows);
            write("INSERT INTO bd_resident_tag (resident_id, tag) VALUES (?, ?)", tagRows);
        }

        private void write(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    /**
     * @param seed the random seed; the same seed gives the same county
     * @param residents how many residents to create
     * @param referenceDate the day ages are counted to
     */
    public record GenerateCommunityCommand(long seed, int residents, LocalDate referenceDate) {
    }

    public record GenerationResult(String countyCode, int streets, int communities, int grids, int households,
            int residents, String checksum, long millis) {
    }
}
