package io.github.delayclose.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo page and everything a browser fetches for it are there: no 404 in the browser's console. */
class DemoPageIT extends SampleAppIntegrationTest {

    @Test
    void pageNamesItsIcon() {
        Response page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">")
                .contains("<link rel=\"icon\" href=\"favicon.ico\"");
    }

    @Test
    void iconsAreServed() {
        Response svg = get("/favicon.svg");
        Response ico = get("/favicon.ico");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.contentType()).isIn("image/x-icon", "image/vnd.microsoft.icon");
    }

    @Test
    void stylesAndScriptAreServed() {
        assertThat(get("/style.css").status()).isEqualTo(200);
        assertThat(get("/app.js").status()).isEqualTo(200);
    }
}
