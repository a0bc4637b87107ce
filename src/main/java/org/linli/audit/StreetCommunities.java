package org.linli.audit;

import java.util.Set;

/** The communities of a street, from the base data store (implemented there: the audit log does not depend on it). */
public interface StreetCommunities {

    Set<String> communitiesOf(String streetCode);
}
