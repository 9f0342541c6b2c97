package io.github.delayclose.wxpay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
}
