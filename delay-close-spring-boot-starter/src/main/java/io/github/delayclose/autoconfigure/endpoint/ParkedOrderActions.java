package io.github.delayclose.autoconfigure.endpoint;

import java.util.List;
import java.util.Locale;

import io.github.delayclose.autoconfigure.endpoint.DelayCloseEndpoint.ActionResult;
import io.github.delayclose.core.parked.CloseAttemptStateMissingException;
import io.github.delayclose.core.parked.ParkedOrders;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** The endpoint's write operations: a replay or a discard, answered with a status and a message. */
final class ParkedOrderActions {

    private static final int STATUS_CONFLICT = 409;

    private final ParkedOrders parked;

    ParkedOrderActions(ParkedOrders parked) {
        this.parked = parked;
    }

    WebEndpointResponse<ActionResult> run(String action, @Nullable String orderId, @Nullable String reason) {
        String name = action.toLowerCase(Locale.ROOT);
        try {
            return switch (name) {
                case "replay" -> replay(orderId, reason);
                case "discard" -> discard(orderId, reason);
                default -> answer(name, List.of(), "unknown action '" + action + "': POST /actuator/delayclose/replay "
                        + "or /actuator/delayclose/discard", WebEndpointResponse.STATUS_BAD_REQUEST);
            };
        }
        catch (CloseAttemptStateMissingException ex) {
            return answer(name, List.of(), ex.getMessage(), STATUS_CONFLICT);
        }
        catch (IllegalArgumentException ex) {
            return answer(name, List.of(), ex.getMessage(), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    private WebEndpointResponse<ActionResult> replay(@Nullable String orderId, @Nullable String reason) {
        if ((orderId == null) == (reason == null)) {
            throw new IllegalArgumentException("replay takes an orderId (one order) or a reason (every order parked "
                    + "for it), not both");
        }
        if (orderId != null) {
            return parked.replay(orderId)
                    ? answer("replay", List.of(orderId), "order " + orderId + " goes back to a fresh decision",
                            WebEndpointResponse.STATUS_OK)
                    : notParked("replay", orderId);
        }
        List<String> replayed = parked.replayAll(reason);
        return answer("replay", replayed, replayed.size() + " order(s) parked for " + reason
                + " go back to a fresh decision", WebEndpointResponse.STATUS_OK);
    }

    private WebEndpointResponse<ActionResult> discard(@Nullable String orderId, @Nullable String reason) {
        if (orderId == null || reason == null) {
            throw new IllegalArgumentException("discard takes an orderId and a reason (why it is discarded; it is "
                    + "logged)");
        }
        return parked.discard(orderId, reason)
                ? answer("discard", List.of(orderId), "order " + orderId + " is discarded for good: the sweep leaves it "
                        + "alone", WebEndpointResponse.STATUS_OK)
                : notParked("discard", orderId);
    }

    private static WebEndpointResponse<ActionResult> notParked(String action, String orderId) {
        return answer(action, List.of(), "order " + orderId + " is not parked (never was, or was replayed, discarded "
                + "or closed since)", WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private static WebEndpointResponse<ActionResult> answer(String action, List<String> orderIds, String message,
            int status) {
        return new WebEndpointResponse<>(new ActionResult(action, orderIds, message), status);
    }
}
