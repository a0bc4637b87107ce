package org.linli.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user's Camunda groups as Spring Security authorities {@code GROUP_<id>}, read from the engine's identity
 * service: its own tables in the zero-setup run, the Keycloak realm (through the plugin's cache) under profile
 * {@code keycloak}. Every way of logging in ends here, so the API, the webapps and the engine agree on groups.
 */
public final class GroupAuthorities {

    public static final String PREFIX = "GROUP_";

    private GroupAuthorities() {
    }

    static List<GrantedAuthority> of(IdentityService identityService, String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(GroupAuthorities::authority)
                .toList();
    }

    static GrantedAuthority authority(String groupId) {
        return new SimpleGrantedAuthority(PREFIX + groupId);
    }

    /** The group ids of an authenticated caller, whichever way it logged in. */
    static List<String> groupsOf(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length()))
                .toList();
    }
}
