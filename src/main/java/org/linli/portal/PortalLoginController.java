package org.linli.portal;

import org.linli.security.BrowserLogin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the page how residents log in here: its own form, or a button that goes to single sign-on. */
@RestController
class PortalLoginController {

    private final BrowserLogin login;

    PortalLoginController(BrowserLogin login) {
        this.login = login;
    }

    @GetMapping("/portal/login-options")
    LoginOptions options() {
        return new LoginOptions(login.singleSignOn(), login.startPath("/portal"));
    }

    /** {@code start}: where the browser goes to log in at Keycloak; null when the page posts its form. */
    record LoginOptions(boolean singleSignOn, String start) {
    }
}
