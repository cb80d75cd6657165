package io.kervan.bench.runner;

import java.util.Random;

/**
 * One kind of request, measured on its own or as part of the mixed load.
 *
 * @param name what the result table calls it
 * @param target the p95 target in ms (0 when the issue sets none)
 * @param write whether it changes data
 * @param perView whether it runs once as the admin and once as a sales rep (the visibility cost)
 */
record Scenario(String name, double target, boolean write, boolean perView, Request request) {

    /** Sends one request as {@code user}; answers whether it succeeded. */
    interface Request {
        KervanClient.Answer send(User user, Random random);
    }

    /** A signed-in user with what the scenarios need to know about them. */
    record User(String label, KervanClient client, java.util.UUID id, boolean admin,
            java.util.List<Fixtures.DeepCursor> deepCursors, java.util.concurrent.ConcurrentLinkedQueue<String> created,
            java.util.concurrent.ConcurrentLinkedQueue<String> acknowledged) {
    }
}
