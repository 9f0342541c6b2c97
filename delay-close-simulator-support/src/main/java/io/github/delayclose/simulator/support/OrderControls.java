package io.github.delayclose.simulator.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo controls every simulator serves under {@code /simulator/}, with JSON answers:
 * <pre>
 * GET  /simulator/orders/{id}                      one order
 * POST /simulator/orders/{id}?{amount}=100         a trade waiting for payment (amount in fen)
 * POST /simulator/orders/{id}/pay                  the payer pays it
 * </pre>
 *
 * @param <O> the simulator's order
 */
public final class OrderControls<O> {

    /** What a simulator does for its controls. */
    public interface Orders<O> {

        O create(String orderId, long amountInFen);

        O pay(String orderId);

        Optional<O> find(String orderId);

        /** The order as the control's JSON answer shows it. */
        Map<String, ?> describe(O order);
    }

    private final String amountParameter;

    private final Orders<O> orders;

    /**
     * @param amountParameter the query parameter a new trade's amount comes in, as the provider names it
     *     ({@code total_fen}, {@code total})
     */
    public OrderControls(String amountParameter, Orders<O> orders) {
        this.amountParameter = Objects.requireNonNull(amountParameter, "amountParameter");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** Answers one call under {@code /simulator/}. */
    public SimulatedAnswer answer(SimulatedCall call) {
        List<String> path = LoopbackServer.segmentsOf(call.path());
        boolean post = "POST".equals(call.method());
        if (path.size() < 3 || !"orders".equals(path.get(1))) {
            return notFound("no such control");
        }
        String id = path.get(2);
        O order;
        if (path.size() == 3 && post) {
            order = orders.create(id, Long.parseLong(LoopbackServer.queryOf(call.path()).getOrDefault(amountParameter, "1")));
        }
        else if (path.size() == 4 && post && "pay".equals(path.get(3))) {
            order = orders.pay(id);
        }
        else if (path.size() == 3) {
            Optional<O> found = orders.find(id);
            if (found.isEmpty()) {
                return notFound("unknown order");
            }
            order = found.get();
        }
        else {
            return notFound("no such control");
        }
        return SimulatedAnswer.json(200, Map.of(), JsonText.object(orders.describe(order)));
    }

    private static SimulatedAnswer notFound(String error) {
        return SimulatedAnswer.json(404, Map.of(), JsonText.object(Map.of("error", error)));
    }
}
