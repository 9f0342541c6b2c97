package io.github.delayclose.sample.shop;

/**
 * A SKU with its stock.
 *
 * @param id the SKU id
 * @param name its name
 * @param price unit price in fen
 * @param stock units in stock ({@code tb_sku.num})
 * @param sold units sold ({@code tb_sku.sale_num}); taken by unpaid orders too, given back when they close
 */
public record SkuView(String id, String name, long price, int stock, int sold) {
}
