package io.github.delayclose.wxpay.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few JSON shapes the control endpoints answer with; hand-written to keep the module JDK-only. */
final class Json {

    private Json() {
    }

    static String ok() {
        return "{\"ok\":true}";
    }

    static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    static String order(SimulatedOrder order) {
        return "{\"outTradeNo\":" + string(order.outTradeNo())
                + ",\"tradeState\":" + string(order.tradeState().name())
                + ",\"totalFee\":" + order.totalFee()
                + ",\"transactionId\":" + string(order.transactionId().orElse(null))
                + ",\"timeEnd\":" + string(order.timeEnd().map(Object::toString).orElse(null))
                + ",\"notifyUrl\":" + string(order.notifyUrl().orElse(null)) + "}";
    }

    static String orders(List<SimulatedOrder> orders) {
        return orders.stream().map(Json::order).collect(Collectors.joining(",", "[", "]"));
    }

    static String delivery(NotificationDelivery delivery) {
        return "{\"status\":" + delivery.status() + ",\"acknowledged\":" + delivery.acknowledged()
                + ",\"body\":" + string(delivery.body()) + "}";
    }

    static String requests(List<RecordedRequest> requests) {
        return requests.stream().map(request -> "{\"api\":" + string(request.api())
                        + ",\"outTradeNo\":" + string(request.outTradeNo())
                        + ",\"signatureValid\":" + request.signatureValid()
                        + ",\"receivedAt\":" + string(request.receivedAt().toString())
                        + ",\"fields\":" + fields(request.fields()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String fields(Map<String, String> fields) {
        return fields.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(field -> string(field.getKey()) + ":" + string(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
