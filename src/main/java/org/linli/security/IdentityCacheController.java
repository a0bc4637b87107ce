package org.linli.security;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Makes a change in Keycloak (a new clerk, a moved membership) count at once instead of after the plugin's cache
 * expiry ({@code plugin.identity.keycloak.cache-expiration-timeout-min}). Administrators only ({@code /api/admin}).
 */
@RestController
@Profile(KeycloakLogin.PROFILE)
class IdentityCacheController {

    private final KeycloakIdentityPlugin plugin;

    IdentityCacheController(KeycloakIdentityPlugin plugin) {
        this.plugin = plugin;
    }

    @DeleteMapping("/api/admin/identity/cache")
    ResponseEntity<Void> clear() {
        plugin.clearCache();
        return ResponseEntity.noContent().build();
    }
}
