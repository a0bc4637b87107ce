package org.linli.basedata;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.PlaceCommands.CreateCommunityCommand;
import org.linli.basedata.PlaceCommands.CreateCountyCommand;
import org.linli.basedata.PlaceCommands.CreateGridCommand;
import org.linli.basedata.PlaceCommands.CreateStreetCommand;
import org.linli.basedata.PlaceCommands.RegisterAddressCommand;
import org.linli.basedata.Places.Address;
import org.linli.basedata.Places.Community;
import org.linli.basedata.Places.County;
import org.linli.basedata.Places.Grid;
import org.linli.basedata.Places.Street;
import org.linli.security.LinliGroups.OrgLevel;
import org.linli.security.OrgGroups;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative hierarchy (county → street → community → grid) and standard addresses.
 * Each hierarchy unit gets its Camunda group, so BPMN candidate groups can name it.
 */
@Service
public class PlaceRegistry {

    private final PlaceRepository places;
    private final JdbcAggregateTemplate aggregates;
    private final OrgGroups orgGroups;
    private final AuditLog audit;
    private final PlaceHierarchy hierarchy;

    PlaceRegistry(PlaceRepository places, JdbcAggregateTemplate aggregates, OrgGroups orgGroups, AuditLog audit,
            PlaceHierarchy hierarchy) {
        this.audit = audit;
        this.hierarchy = hierarchy;
        this.places = places;
        this.aggregates = aggregates;
        this.orgGroups = orgGroups;
    }

    @Transactional
    public void createCounty(CreateCountyCommand command) {
        if (places.countCounties(command.code()) > 0) {
            throw BaseDataProblems.duplicatePlace("county", command.code());
        }
        aggregates.insert(new County(command.code(), command.name()));
        orgGroups.ensure(OrgLevel.COUNTY, command.code(), command.name());
    }

    @Transactional
    public void createStreet(CreateStreetCommand command) {
        if (places.countCounties(command.countyCode()) == 0) {
            throw BaseDataProblems.unknownPlace("county", command.countyCode());
        }
        if (places.findStreet(command.code()).isPresent()) {
            throw BaseDataProblems.duplicatePlace("street", command.code());
        }
        aggregates.insert(new Street(command.code(), command.name(), command.countyCode()));
        orgGroups.ensure(OrgLevel.STREET, command.code(), command.name());
    }

    @Transactional
    public void createCommunity(CreateCommunityCommand command) {
        if (places.findStreet(command.streetCode()).isEmpty()) {
            throw BaseDataProblems.unknownPlace("street", command.streetCode());
        }
        if (places.findCommunity(command.code()).isPresent()) {
            throw BaseDataProblems.duplicatePlace("community", command.code());
        }
        aggregates.insert(new Community(command.code(), command.name(), command.streetCode()));
        audit.record(AuditEvent.of("community.created", "community", command.code(), command.code()));
        orgGroups.ensure(OrgLevel.COMMUNITY, command.code(), command.name());
    }

    @Transactional
    public void createGrid(CreateGridCommand command) {
        if (places.findCommunity(command.communityCode()).isEmpty()) {
            throw BaseDataProblems.unknownPlace("community", command.communityCode());
        }
        if (places.findGrid(command.code()).isPresent()) {
            throw BaseDataProblems.duplicatePlace("grid", command.code());
        }
        aggregates.insert(new Grid(command.code(), command.name(), command.communityCode()));
        audit.record(AuditEvent.of("grid.created", "grid", command.code(), command.communityCode()));
        orgGroups.ensure(OrgLevel.GRID, command.code(), command.name());
    }

    @Transactional
    public AddressView registerAddress(RegisterAddressCommand command) {
        Grid grid = places.findGrid(command.gridCode())
                .orElseThrow(() -> BaseDataProblems.unknownPlace("grid", command.gridCode()));
        Community community = places.findCommunity(grid.communityCode()).orElseThrow();
        String text = standardAddress(areaName(community), command.road(), command.building(), command.unit(),
                command.room());
        if (places.countAddresses(text) > 0) {
            throw BaseDataProblems.duplicatePlace("address", text);
        }
        Address address = aggregates.insert(new Address(null, grid.code(), text, command.road(), command.building(),
                command.unit(), command.room(), command.rental()));
        audit.record(AuditEvent.of("address.registered", "address", address.id(), community.code()));
        return new AddressView(address.id(), text, grid.code(), community.code(), address.rental());
    }

    @Transactional(readOnly = true)
    public List<CommunityView> communities() {
        Map<String, List<GridView>> grids = places.findAllGrids().stream().collect(Collectors.groupingBy(
                Grid::communityCode, Collectors.mapping(g -> new GridView(g.code(), g.name()), Collectors.toList())));
        return places.findAllCommunities().stream()
                .map(c -> new CommunityView(c.code(), c.name(), c.streetCode(), grids.getOrDefault(c.code(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean hasCommunity(String code) {
        return code != null && places.findCommunity(code).isPresent();
    }

    /** The code of the street a community belongs to. */
    public String streetOf(String communityCode) {
        return hierarchy.streetOf(communityCode)
                .orElseThrow(() -> BaseDataProblems.unknownPlace("community", communityCode));
    }

    @Transactional(readOnly = true)
    public AddressView address(long id) {
        Address address = places.findAddress(id).orElseThrow(() -> BaseDataProblems.unknownPlace("address", "" + id));
        Grid grid = places.findGrid(address.gridCode()).orElseThrow();
        return new AddressView(address.id(), address.standardAddress(), grid.code(), grid.communityCode(),
                address.rental());
    }

    /** County, street and community names, the first part of every standard address of the community. */
    String areaName(Community community) {
        Street street = places.findStreet(community.streetCode()).orElseThrow();
        County county = places.findCounty(street.countyCode()).orElseThrow();
        return county.name() + street.name() + community.name();
    }

    /** 示范县 新华街道 新华社区 幸福路12号 3栋 2单元 501室 (标准地址) */
    static String standardAddress(String areaName, String road, String building, String unit, String room) {
        return areaName + road + building + "栋" + unit + "单元" + room + "室";
    }

    public record CommunityView(String code, String name, String streetCode, List<GridView> grids) {
    }

    public record GridView(String code, String name) {
    }

    public record AddressView(long id, String standardAddress, String gridCode, String communityCode, boolean rental) {
    }
}
