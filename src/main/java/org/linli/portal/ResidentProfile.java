package org.linli.portal;

import java.util.Optional;

import org.linli.basedata.ResidentCircumstances;
import org.linli.basedata.ResidentRegistry;
import org.linli.basedata.ResidentView;
import org.linli.security.UserNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the logged-in resident is and where they are registered (the portal's greeting and default place). */
@Service
class ResidentProfile {

    private final UserNames userNames;
    private final ResidentCircumstances circumstances;
    private final ResidentRegistry residents;

    ResidentProfile(UserNames userNames, ResidentCircumstances circumstances, ResidentRegistry residents) {
        this.userNames = userNames;
        this.circumstances = circumstances;
        this.residents = residents;
    }

    /** {@code address}, {@code communityCode} and {@code gridCode} are null for an account without base data. */
    record Profile(String userId, String name, String address, String communityCode, String gridCode) {
    }

    @Transactional(readOnly = true)
    Profile of(String userId) {
        Optional<ResidentView> resident = circumstances.residentOfAccount(userId).map(residents::resident);
        return new Profile(userId, userNames.displayName(userId),
                resident.map(ResidentView::standardAddress).orElse(null),
                resident.map(ResidentView::communityCode).orElse(null),
                resident.map(ResidentView::gridCode).orElse(null));
    }
}
