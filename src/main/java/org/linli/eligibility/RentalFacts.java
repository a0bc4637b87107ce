package org.linli.eligibility;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What registration and inspection found about a rental house; {@code null} where nothing was recorded. */
record RentalFacts(long addressId, Integer tenants, Double areaSqm, Integer fireHazards, Integer unregisteredTenants,
        Integer incidents) {

    VariableMap variables() {
        Double perTenant = tenants == null || tenants == 0 || areaSqm == null ? null : areaSqm / tenants;
        return Variables.createVariables().putValue("tenants", tenants).putValue("areaPerTenant", perTenant)
                .putValue("fireHazards", fireHazards).putValue("unregisteredTenants", unregisteredTenants)
                .putValue("incidents", incidents);
    }
}
