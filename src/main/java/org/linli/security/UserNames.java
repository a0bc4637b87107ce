package org.linli.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** How a person is named to other people: family name then given name (王芳), else the user id. */
@Component
public class UserNames {

    private final IdentityService identityService;

    UserNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName());
        return name.isBlank() ? userId : name;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
