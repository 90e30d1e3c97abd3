/**
 * The class roster ({@code grade --roster roster.csv}): a CSV file of submission id, name, email or
 * LMS id, and section, read into the test kit's {@code Roster}; a malformed file is refused with the
 * line it stumbled on.
 */
package racecourse.grader.roster;
