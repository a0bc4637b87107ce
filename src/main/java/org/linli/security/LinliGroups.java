package org.linli.security;

import java.util.List;

/**
 * Group ids shared by BPMN candidate groups, Camunda authorizations and (later) Keycloak groups.
 * Role groups say what a person does; organisation groups say where: county → street/town → community → grid.
 */
public final class LinliGroups {

    public static final String CLERKS = "clerks";
    public static final String GRID_WORKERS = "grid-workers";
    public static final String DEPARTMENTS = "departments";
    public static final String SUPERVISORS = "supervisors";
    public static final String RESIDENTS = "residents";
    /** Camunda's built-in administrators group. */
    public static final String ADMINS = "camunda-admin";

    /** The role groups of people who work for the community (clerk, grid worker, department, supervisor, admin). */
    public static final List<String> STAFF = List.of(CLERKS, GRID_WORKERS, DEPARTMENTS, SUPERVISORS, ADMINS);

    /** Camunda group type of role groups. */
    public static final String TYPE_ROLE = "role";
    /** Camunda group type of a department (承办部门). */
    public static final String TYPE_DEPARTMENT = "department";

    private LinliGroups() {
    }

    /** The group of everyone working for a level of the community hierarchy. */
    public static String orgGroup(OrgLevel level, String code) {
        return level.prefix() + code;
    }

    /** Levels of the administrative hierarchy; each is also the Camunda group type of its groups. */
    public enum OrgLevel {
        COUNTY("county-"), STREET("street-"), COMMUNITY("community-"), GRID("grid-");

        private final String prefix;

        OrgLevel(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        public String groupType() {
            return name().toLowerCase();
        }
    }
}
