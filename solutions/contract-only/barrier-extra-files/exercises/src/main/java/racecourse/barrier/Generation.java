package racecourse.barrier;

/** One round of the barrier (package-private, own file). */
final class Generation {
    boolean broken;
}
