/**
 * GitHub Classroom's points: at the end of a local {@code mvn test} the kit writes one result file per
 * exercise in the format of Classroom's graders ({@code target/racecourse-classroom/<exercise>.json}),
 * which the starter's workflow hands, base64-encoded, to {@code autograding-grading-reporter}.
 */
package racecourse.testkit.classroom;
