package racecourse.grader.roster;

/** A roster file that cannot be used, with what is wrong, where, and what to do about it. */
public final class RosterProblem extends Exception {

    private static final long serialVersionUID = 1L;

    RosterProblem(String message) {
        super(message);
    }
}
