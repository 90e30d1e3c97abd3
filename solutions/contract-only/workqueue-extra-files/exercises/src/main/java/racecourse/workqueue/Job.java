package racecourse.workqueue;

/** A task with its position in the task list (package-private, own file). */
record Job(int index, Object value) {
}
