package io.kervan.shared;

/**
 * A query's {@code limit} written into its SQL rather than bound as a parameter, so that PostgreSQL can keep one
 * plan for the statement.
 *
 * <p>The driver prepares a statement once it has run a few times, and PostgreSQL then weighs a generic plan, made
 * once for any parameter values, against planning each execution for its values. Not knowing a parameter limit,
 * the planner costs a generic plan as if every matching row were wanted; on a large table that looks worse than
 * planning for the values, so every execution was planned again: a fifth to a third of an unsearched contact list
 * page's database time on a million contacts (0.28–0.39 ms of 0.9–1.9 ms, docs/benchmarks.md, fourteenth round).
 * With a literal limit it settles on the generic plan.
 *
 * <p>Only for queries whose best plan does not depend on their parameters' values. Searches keep their limit a
 * parameter: whether to walk an index in order or to collect the matches through the trigram index depends on
 * the words searched, and on the million contacts PostgreSQL plans each search for its words.
 */
public final class LiteralLimit {

    private LiteralLimit() {
    }

    /** {@code "limit <rows>"}; the number is the application's own, never a user's text. */
    public static String of(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("A limit cannot be negative: " + rows);
        }
        return "limit " + rows;
    }
}
