package org.linli.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling the application API, and in which groups. */
public record CurrentUser(String id, List<String> groups) {

    private static final Set<String> STAFF = Set.of(LinliGroups.CLERKS, LinliGroups.GRID_WORKERS,
            LinliGroups.DEPARTMENTS, LinliGroups.SUPERVISORS, LinliGroups.ADMINS);

    /** The authenticated caller of the current request. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No authenticated user in this request");
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    /** Works for the community (clerk, grid worker, department, supervisor, administrator). */
    public boolean isStaff() {
        return groups.stream().anyMatch(STAFF::contains);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
