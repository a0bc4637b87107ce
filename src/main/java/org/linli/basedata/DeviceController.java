package org.linli.basedata;

import java.util.Map;

import jakarta.validation.Valid;

import org.linli.basedata.DeviceRegistry.DeviceView;
import org.linli.basedata.RegistrationCommands.RegisterDeviceCommand;
import org.linli.basedata.RegistrationCommands.RegisterOrganisationCommand;
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
class DeviceController {

    private final DeviceRegistry registry;

    DeviceController(DeviceRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceView registerDevice(@Valid @RequestBody RegisterDeviceCommand command) {
        return registry.registerDevice(command);
    }

    @GetMapping("/devices/{id}")
    DeviceView device(@PathVariable String id) {
        return registry.device(id);
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> registerOrganisation(@Valid @RequestBody RegisterOrganisationCommand command) {
        return Map.of("id", registry.registerOrganisation(command));
    }
}
