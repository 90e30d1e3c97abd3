/** Records every stage hands to the next; they are also the shape of summary.json. */
package racecourse.testkit.model;
