package io.github.delayclose.sample.shop;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.jdbc.OrderStatusCodes;
import io.github.delayclose.sample.simulator.DemoChannel;
import io.github.delayclose.sample.web.ApiException;
import io.github.delayclose.wxpay.WxPayPaymentGateway;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates orders the way the tutorial's shop does, in one transaction: the order (unpaid) and its
 * items, the stock they take, the payment provider's trade, and the close scheduled for when the
 * payment window ends. Anything wrong rolls all of it back, and nothing is scheduled.
 */
@Service
public class OrderService {

    private final JdbcClient jdbc;

    private final OrderTimeoutScheduler scheduler;

    private final PaymentTrades trades;

    private final OrderIds ids;

    private final ShopQueries queries;

    private final DatetimeColumns times;

    private final OrderStatusCodes codes = OrderStatusCodes.defaults();

    private final ObjectProvider<ChannelPaymentGateway> gateways;

    private final ObjectProvider<DemoChannel> demoChannels;

    private final ObjectProvider<WxPayPaymentGateway> wxPayV2;

    OrderService(JdbcClient jdbc, OrderTimeoutScheduler scheduler, ObjectProvider<PaymentTrades> trades, OrderIds ids,
            ShopQueries queries, DatetimeColumns times, ObjectProvider<ChannelPaymentGateway> gateways,
            ObjectProvider<DemoChannel> demoChannels, ObjectProvider<WxPayPaymentGateway> wxPayV2) {
        this.gateways = gateways;
        this.demoChannels = demoChannels;
        this.wxPayV2 = wxPayV2;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.trades = trades.getIfAvailable(() -> (orderId, totalFee) -> { });
        this.ids = ids;
        this.queries = queries;
        this.times = times;
    }

    /**
     * Creates an order.
     *
     * @throws ApiException 400 for a malformed request or an unknown SKU, 409 for a SKU without a
     *     price or when there is not enough stock; nothing is changed then
     */
    @Transactional
    public OrderView create(CreateOrderRequest request) {
        String channel = channel(request.channel());
        Map<String, Integer> wanted = unitsBySku(request);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            Sku sku = jdbc.sql("SELECT id, name, price, num FROM tb_sku WHERE id = ?").param(entry.getKey())
                    .query(Sku.class).optional()
                    .orElseThrow(() -> ApiException.badRequest("unknown SKU '" + entry.getKey() + "'"));
            if (sku.price() <= 0) {
                // WeChat Pay takes no order below 1 fen (total_fee >= 1): refuse before anything changes.
                throw ApiException.conflict("SKU " + sku.name() + " (" + sku.id() + ") has no price and cannot be ordered");
            }
            lines.add(new Line(sku, entry.getValue()));
        }
        long totalFee = lines.stream().mapToLong(line -> line.sku.price() * line.num).sum();

        String orderId = ids.next();
        // In the zone of the JDBC OrderRepository, whose sweep compares create_time with its clock.
        LocalDateTime now = times.now();
        jdbc.sql("INSERT INTO tb_order (id, order_status, pay_status, total_money, pay_channel, create_time, update_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(orderId, codes.unpaid(), codes.payStatusUnpaid(), totalFee, channel, now, now)
                .update();
        int itemNo = 0;
        for (Line line : lines) {
            jdbc.sql("INSERT INTO tb_order_item (id, order_id, sku_id, name, price, num, money) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(orderId + "-" + (++itemNo), orderId, line.sku.id(), line.sku.name(), line.sku.price(),
                            line.num, line.sku.price() * line.num)
                    .update();
        }
        // Lines are in SKU id order, so concurrent orders lock SKU rows in the same order: no deadlocks.
        for (Line line : lines) {
            int taken = jdbc.sql("UPDATE tb_sku SET num = num - ?, sale_num = sale_num + ? WHERE id = ? AND num >= ?")
                    .params(line.num, line.num, line.sku.id(), line.num)
                    .update();
            if (taken == 0) {
                int left = jdbc.sql("SELECT num FROM tb_sku WHERE id = ?").param(line.sku.id()).query(Integer.class)
                        .single();
                throw ApiException.conflict("not enough stock of " + line.sku.name() + " (" + line.sku.id() + "): "
                        + line.num + " wanted, " + left + " left");
            }
        }
        DemoChannel simulated = demoChannelFor(channel);
        if (simulated != null) {
            simulated.open(orderId, totalFee); // as if the payer scanned the code
        }
        else {
            trades.open(orderId, totalFee);
        }
        // Published after commit: a rolled-back order is never scheduled.
        scheduler.schedule(orderId);
        return queries.order(orderId).orElseThrow();
    }

    /** The request's channel, checked: one the shop has a gateway for, or {@code null} while not chosen. */
    private @Nullable String channel(@Nullable String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        List<String> taken = gateways.orderedStream().map(ChannelPaymentGateway::channel).toList();
        if (!taken.contains(channel)) {
            throw ApiException.badRequest("this shop takes " + taken + ", not '" + channel + "'");
        }
        return channel;
    }

    /**
     * Where the demo opens an order's trade: the simulated channel it was paid through, or for an order
     * without one, WeChat Pay v2's simulator if that gateway is on and the first simulated channel if not;
     * {@code null} for WeChat Pay v2's.
     */
    private @Nullable DemoChannel demoChannelFor(@Nullable String channel) {
        List<DemoChannel> simulated = demoChannels.orderedStream().toList();
        if (channel == null) {
            return wxPayV2.getIfAvailable() != null || simulated.isEmpty() ? null : simulated.get(0);
        }
        return simulated.stream().filter(demo -> demo.channel().equals(channel)).findFirst().orElse(null);
    }

    /** The request's units per SKU (a SKU listed twice is added up), sorted by SKU id. */
    private static Map<String, Integer> unitsBySku(CreateOrderRequest request) {
        List<CreateOrderRequest.@Nullable Item> items = request.items();
        if (items == null || items.isEmpty()) {
            throw ApiException.badRequest("an order needs at least one item: {\"items\": [{\"skuId\": \"...\", \"num\": 1}]}");
        }
        if (items.size() > CreateOrderRequest.MAX_ITEMS) {
            throw ApiException.badRequest("at most " + CreateOrderRequest.MAX_ITEMS + " items per order, got "
                    + items.size());
        }
        Map<String, Integer> units = new TreeMap<>();
        for (CreateOrderRequest.Item item : items) {
            String skuId = item == null ? null : item.skuId();
            if (item == null || skuId == null || skuId.isBlank()) {
                throw ApiException.badRequest("every item needs a skuId");
            }
            Integer num = item.num();
            if (num == null || num <= 0) {
                throw ApiException.badRequest("num of SKU '" + skuId + "' must be at least 1, was " + num);
            }
            int total = units.merge(skuId, num, (a, b) -> (int) Math.min((long) a + b, Integer.MAX_VALUE));
            if (total > CreateOrderRequest.MAX_UNITS) {
                throw ApiException.badRequest("at most " + CreateOrderRequest.MAX_UNITS + " units of SKU '" + skuId
                        + "' per order, got " + total);
            }
        }
        return units;
    }

    record Sku(String id, String name, long price, int num) {
    }

    private record Line(Sku sku, int num) {
    }
}
