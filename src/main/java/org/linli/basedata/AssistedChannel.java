package org.linli.basedata;

import java.util.List;

import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.linli.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assisted channel (代办): a clerk at the counter or on the hotline acts for a resident who asked them to.
 * Checked the same way for every feature: the caller is a clerk, the resident has an account and lives in one of
 * the clerk's communities, and the resident's consent is noted.
 */
@Service
public class AssistedChannel {

    private final JdbcTemplate jdbc;

    AssistedChannel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers who is assisted (by the resident's account), or refuses with a clear problem; changes nothing. */
    @Transactional(readOnly = true)
    public Assisted check(CurrentUser clerk, String residentUserId, Boolean consent) {
        return check(clerk, "r.user_id = ?", residentUserId, consent);
    }

    /** The same for a resident known by id (who may have no account: many elderly residents have none). */
    @Transactional(readOnly = true)
    public Assisted check(CurrentUser clerk, long residentId, Boolean consent) {
        return check(clerk, "r.id = ?", residentId, consent);
    }

    private Assisted check(CurrentUser clerk, String where, Object resident, Boolean consent) {
        if (!clerk.isIn(LinliGroups.CLERKS)) {
            throw new ProblemException.Forbidden("BD-020", "仅社区工作人员可代办",
                    "Only clerks may act on a resident's behalf.");
        }
        if (!Boolean.TRUE.equals(consent)) {
            throw new ProblemException.Invalid("BD-021", "缺少居民同意",
                    "Acting on a resident's behalf needs their consent: set consent to true once they gave it.");
        }
        List<Assisted> found = jdbc.query("""
                SELECT r.id, r.user_id, g.community_code, r.household_id FROM bd_resident r
                  JOIN bd_household h ON h.id = r.household_id JOIN bd_address a ON a.id = h.address_id
                  JOIN bd_grid g ON g.code = a.grid_code
                 WHERE\s""" + where, (rs, i) -> new Assisted(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4)),
                resident);
        if (found.isEmpty() || !clerk.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, found.get(0).communityCode()))) {
            throw new ProblemException.NotFound("BD-022", "本社区无此居民",
                    "No such resident (" + resident + ") lives in your community.");
        }
        return found.get(0);
    }

    /** A resident a clerk acts for, with the community the act belongs to and the resident's household. */
    public record Assisted(long residentId, String userId, String communityCode, long householdId) {

        /** How the audit log names the resident: their account, else their resident id. */
        public String auditName() {
            return userId != null ? userId : "resident:" + residentId;
        }
    }
}
