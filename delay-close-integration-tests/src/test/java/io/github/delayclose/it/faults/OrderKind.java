package io.github.delayclose.it.faults;

/** What happens to an order of the fault-injection run, and so how it must end. */
enum OrderKind {

    /** Nobody pays: it must end CLOSED, at the provider and locally, its stock given back. */
    UNPAID(50),

    /** Paid before its deadline, and the shop is notified: PAID by the notification. */
    PAID_NOTIFIED(14),

    /** Paid before its deadline, the notification lost: PAID when the close finds the payment. */
    PAID_SILENTLY(12),

    /**
     * Paid at about the moment its close runs, and the shop notified if the payment went through:
     * PAID if the provider took the payment, CLOSED if the provider closed it first, never both.
     */
    PAID_RACING(10),

    /** The provider answers SYSTEMERROR once or twice about it: CLOSED after a retry. */
    TRANSIENT_ERRORS(11),

    /** The provider answers SYSTEMERROR about it every time: parked once, still unpaid. */
    PERMANENT_FAILURE(3);

    /** Percent of the run's orders of this kind. */
    final int percent;

    OrderKind(int percent) {
        this.percent = percent;
    }

    /** The kind of the order whose seeded draw is {@code draw}, 0 to 99. */
    static OrderKind ofDraw(int draw) {
        int upTo = 0;
        for (OrderKind kind : values()) {
            upTo += kind.percent;
            if (draw < upTo) {
                return kind;
            }
        }
        throw new IllegalArgumentException("draw must be 0 to 99: " + draw);
    }

    /** Whether the close path (not a notification) decides how it ends, so its lateness is delay-close's. */
    boolean endedByTheClose() {
        return this == UNPAID || this == PAID_SILENTLY || this == TRANSIENT_ERRORS;
    }
}
