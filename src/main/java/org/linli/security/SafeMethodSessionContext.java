package org.linli.security;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets pages of a single-sign-on session (the dashboard) read the API with their login session: the session's user
 * counts for GET and HEAD only, so a cross-site form can change nothing with it; everything else needs a bearer
 * token. Never creates or writes a session.
 */
final class SafeMethodSessionContext implements SecurityContextRepository {

    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SafeMethodSessionContext() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod()) && request.getSession(false) != null) {
            return sessions.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API is stateless: a bearer login is never kept
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return false;
    }

    private static final class Empty implements DeferredSecurityContext {

        private final Supplier<SecurityContext> empty = SecurityContextHolder::createEmptyContext;

        @Override
        public SecurityContext get() {
            return empty.get();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
