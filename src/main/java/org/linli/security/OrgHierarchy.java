package org.linli.security;

import java.util.Optional;

/**
 * Which street a community or grid belongs to. The base data store answers; security only asks, so that a case
 * granted to a community is also readable by its street's supervisors.
 */
public interface OrgHierarchy {

    /** The code of the street above the community or grid named by an organisation group, if there is one. */
    Optional<String> streetAbove(String orgGroupId);
}
