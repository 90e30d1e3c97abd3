/**
 * Similarity between students, per exercise: JPlag (in-process) compares every pair of submissions'
 * sources with the starter's stubs as base code, once per class after grading. The result is
 * information for the instructor, never a score: it goes to summary.json and the class overview, and
 * a page per similar pair shows the matched regions side by side.
 */
package racecourse.grader.similarity;
