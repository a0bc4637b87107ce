package org.linli.basedata;

import java.util.List;

import jakarta.validation.Valid;

import org.linli.basedata.PlaceCommands.CreateCommunityCommand;
import org.linli.basedata.PlaceCommands.CreateCountyCommand;
import org.linli.basedata.PlaceCommands.CreateGridCommand;
import org.linli.basedata.PlaceCommands.CreateStreetCommand;
import org.linli.basedata.PlaceCommands.RegisterAddressCommand;
import org.linli.basedata.PlaceRegistry.AddressView;
import org.linli.basedata.PlaceRegistry.CommunityView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basedata")
class PlaceController {

    private final PlaceRegistry registry;

    PlaceController(PlaceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/communities")
    List<CommunityView> communities() {
        return registry.communities();
    }

    @PostMapping("/counties")
    @ResponseStatus(HttpStatus.CREATED)
    void createCounty(@Valid @RequestBody CreateCountyCommand command) {
        registry.createCounty(command);
    }

    @PostMapping("/streets")
    @ResponseStatus(HttpStatus.CREATED)
    void createStreet(@Valid @RequestBody CreateStreetCommand command) {
        registry.createStreet(command);
    }

    @PostMapping("/communities")
    @ResponseStatus(HttpStatus.CREATED)
    void createCommunity(@Valid @RequestBody CreateCommunityCommand command) {
        registry.createCommunity(command);
    }

    @PostMapping("/grids")
    @ResponseStatus(HttpStatus.CREATED)
    void createGrid(@Valid @RequestBody CreateGridCommand command) {
        registry.createGrid(command);
    }

    @PostMapping("/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    AddressView registerAddress(@Valid @RequestBody RegisterAddressCommand command) {
        return registry.registerAddress(command);
    }

    @GetMapping("/addresses/{id}")
    AddressView address(@PathVariable long id) {
        return registry.address(id);
    }
}
