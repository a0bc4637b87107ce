package org.linli.security;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling the application API, and in which groups. */
public record CurrentUser(String id, List<String> groups) {

    /** The authenticated caller of the current request. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isSignedIn(authentication)) {
            throw new IllegalStateException("No authenticated user in this request");
        }
        return new CurrentUser(authentication.getName(), GroupAuthorities.groupsOf(authentication));
    }

    /** Whether the caller signed in: Spring Security counts an anonymous caller of an open endpoint as authenticated. */
    public static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Works for the community (clerk, grid worker, department, supervisor, administrator). */
    public boolean isStaff() {
        return groups.stream().anyMatch(LinliGroups.STAFF::contains);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
