package org.linli.basedata;

/**
 * Facts about a resident changed (registered, circumstances updated, a home visit confirmed). Published inside the
 * writing transaction; features that derive something from the facts (eligibility) listen after commit, so the base
 * data store never depends on them.
 *
 * @param residentId the resident whose facts changed
 * @param what a short English word for the log: {@code registered}, {@code circumstances}
 */
public record ResidentChanged(long residentId, String what) {
}
