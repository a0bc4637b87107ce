/**
 * The resident portal: pages under {@code /portal/} and their API under {@code /portal/api/}, for logged-in
 * members of {@code residents} only. It renders the same Camunda Forms as Tasklist and completes a resident's
 * own tasks through the feature services, never through the engine REST API. See docs/portal.md.
 */
package org.linli.portal;
