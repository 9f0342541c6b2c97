package io.github.delayclose.wxpay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxPayXmlTest {

    @Test
    void roundTripsFieldsIncludingCdataTerminators() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("body", "a]]>b <c> & 中文");
        fields.put("attach", "");
        assertThat(WxPayXml.parse(WxPayXml.write(fields))).isEqualTo(fields);
    }

    @Test
    void refusesDoctypesSoExternalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-MARKER-8c1f");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><out_trade_no>&x;</out_trade_no></xml>";
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse(xxe))
                .satisfies(ex -> assertThat(ex.toString()).doesNotContain("SECRET-MARKER-8c1f"));
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><body>&c;</body></xml>";
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse(laughs));
    }

    @Test
    void refusesRepeatedFieldsOtherRootsAndGarbage() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> WxPayXml.parse("<xml><sign>A</sign><sign>B</sign></xml>")).withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<root><a>1</a></root>"));
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>1</a>"));
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse(""));
    }

    @Test
    void refusesExternalDtdsParameterEntitiesAndHarmlessDoctypesAlike(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.dtd"), "<!ENTITY leak \"SECRET-MARKER-31d0\">");
        List<String> payloads = List.of(
                "<!DOCTYPE xml SYSTEM \"" + secret.toUri() + "\"><xml><a>&leak;</a></xml>",
                "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]><xml><a>&leak;</a></xml>",
                "<!DOCTYPE xml [<!ELEMENT xml ANY>]><xml><a>1</a></xml>",
                "<?xml version=\"1.0\"?><!DOCTYPE xml><xml><a>1</a></xml>");
        for (String payload : payloads) {
            assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse(payload))
                    .withMessageContaining("DOCTYPE")
                    .satisfies(ex -> assertThat(ex.toString()).doesNotContain("SECRET-MARKER-31d0"));
        }
    }

    @Test
    void fieldsMustBePlainText() {
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a><b>1</b></a></xml>"))
                .withMessageContaining("<a> is not plain text");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>1<!-- hidden -->2</a></xml>"))
                .withMessageContaining("<a> is not plain text");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>&undeclared;</a></xml>"));
        assertThat(WxPayXml.parse("<xml>\n  <a>x &amp; y</a><!-- between fields --><b><![CDATA[1]]>2</b><c/></xml>\n"))
                .containsExactly(Map.entry("a", "x & y"), Map.entry("b", "12"), Map.entry("c", ""));
    }

    @Test
    void refusesTrailingGarbageAndLongBodies() {
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>1</a></xml><xml/>"));
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>1</a></xml>trailing"));
        String body = "<xml><a>" + "x".repeat(100) + "</a></xml>";
        assertThat(WxPayXml.parse(body, body.length())).containsKey("a");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse(body, body.length() - 1))
                .withMessageContaining("longer than " + (body.length() - 1));
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.parse("<xml><a>" + "x".repeat(WxPayXml.MAX_CHARS)
                + "</a></xml>")).withMessageContaining("longer than " + WxPayXml.MAX_CHARS);
    }

    @Test
    void writeRefusesFieldNamesThatWouldBreakTheDocument() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a><b", "1");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPayXml.write(fields)).withMessageContaining("a><b");
        assertThat(WxPayXml.write(Map.of("skipped_when_null", "x"))).isEqualTo(
                "<xml><skipped_when_null><![CDATA[x]]></skipped_when_null></xml>");
    }

    @Test
    void theSharedParserServesManyThreadsAtOnce() throws Exception {
        assertThat(ManyThreads.allRight(8, 2_000, (thread, round) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("out_trade_no", "t" + thread + "-" + round);
            fields.put("nonce_str", WxPayNonces.next());
            return WxPayXml.parse(WxPayXml.write(fields)).equals(fields);
        })).isTrue();
    }
}
