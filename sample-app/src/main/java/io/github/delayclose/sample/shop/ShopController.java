package io.github.delayclose.sample.shop;

import java.net.URI;
import java.util.List;

import io.github.delayclose.sample.web.ApiException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's JSON API: SKUs with their stock, and orders. */
@RestController
@RequestMapping("/api")
class ShopController {

    private final OrderService orders;

    private final ShopQueries queries;

    ShopController(OrderService orders, ShopQueries queries) {
        this.orders = orders;
        this.queries = queries;
    }

    @GetMapping("/skus")
    List<SkuView> skus() {
        return queries.skus();
    }

    @PostMapping("/orders")
    ResponseEntity<OrderView> create(@RequestBody CreateOrderRequest request) {
        OrderView order = orders.create(request);
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @GetMapping("/orders")
    List<OrderView> latest(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("limit must be between 1 and 500, was " + limit);
        }
        return queries.latestOrders(limit);
    }

    @GetMapping("/orders/{id}")
    OrderView order(@PathVariable String id) {
        return queries.order(id).orElseThrow(() -> ApiException.notFound("no order " + id));
    }
}
