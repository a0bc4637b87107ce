package org.linli.basedata;

import java.math.BigDecimal;
import java.util.Set;

import org.linli.basedata.PlaceCommands.CreateCommunityCommand;
import org.linli.basedata.PlaceCommands.CreateCountyCommand;
import org.linli.basedata.PlaceCommands.CreateGridCommand;
import org.linli.basedata.PlaceCommands.CreateStreetCommand;
import org.linli.basedata.PlaceCommands.RegisterAddressCommand;
import org.linli.basedata.ResidentCommands.HukouType;
import org.linli.basedata.ResidentCommands.RegisterHouseholdCommand;
import org.linli.basedata.ResidentCommands.RegisterResidentCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo community of the zero-setup run: 示范县 → 新华街道 → 新华社区 / 和平社区 and their grids, with a few
 * households. Created once; a later start finds it and leaves it alone.
 */
@Component
@Order(DemoCommunity.ORDER)
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoCommunity implements ApplicationRunner {

    static final int ORDER = 10;
    static final String COUNTY = "sf";

    private final PlaceRegistry places;
    private final PlaceRepository placeRepository;
    private final ResidentRegistry residents;
    private final ResidentCircumstances circumstances;

    DemoCommunity(PlaceRegistry places, PlaceRepository placeRepository, ResidentRegistry residents,
            ResidentCircumstances circumstances) {
        this.circumstances = circumstances;
        this.places = places;
        this.placeRepository = placeRepository;
        this.residents = residents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (placeRepository.countCounties(COUNTY) > 0) {
            return;
        }
        places.createCounty(new CreateCountyCommand(COUNTY, "示范县"));
        places.createStreet(new CreateStreetCommand("xh", "新华街道", COUNTY));
        places.createCommunity(new CreateCommunityCommand("xh01", "新华社区", "xh"));
        places.createCommunity(new CreateCommunityCommand("xh02", "和平社区", "xh"));
        places.createGrid(new CreateGridCommand("xh01-01", "新华社区第一网格", "xh01"));
        places.createGrid(new CreateGridCommand("xh01-02", "新华社区第二网格", "xh01"));
        places.createGrid(new CreateGridCommand("xh02-01", "和平社区第一网格", "xh02"));

        long liu = household("xh01-01", "幸福路12号", "3", "2", "501", "XH01-0001", "4200");
        circumstances.linkAccount(resident(liu, "刘洋", "33010619850312123", "13800138001", 0, false, Set.of()), "liu.yang");
        resident(liu, "刘思雨", "33010620120705124", null, 0, false, Set.of());
        long zhang = household("xh01-02", "和平街8号", "1", "1", "102", "XH01-0002", "1350");
        circumstances.linkAccount(resident(zhang, "张兰", "33010619400218126", "13900139002", 2, true,
                Set.of("elderly", "special-care")), "zhang.lan");
    }

    private long household(String grid, String road, String building, String unit, String room, String no,
            String income) {
        long addressId = places.registerAddress(new RegisterAddressCommand(grid, road, building, unit, room, false)).id();
        return residents.registerHousehold(new RegisterHouseholdCommand(no, addressId, new BigDecimal(income)));
    }

    private long resident(long householdId, String name, String first17, String phone, int disability,
            boolean alone, Set<String> tags) {
        return residents.registerResident(new RegisterResidentCommand(householdId, name,
                first17 + IdCardNumber.checkChar(first17), null, null, phone, disability, HukouType.LOCAL_URBAN,
                alone, tags)).id();
    }
}
