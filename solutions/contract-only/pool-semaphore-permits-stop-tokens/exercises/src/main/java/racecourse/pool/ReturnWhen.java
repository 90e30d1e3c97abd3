package racecourse.pool;

/** When {@link Futures#await} returns (given: nothing to implement). */
public enum ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED }
