package id.lapor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DocumentsTest {

    @Test
    @DisplayName("an array is written as an element per item named after the array, null as an empty element")
    void xmlItems() {
        ArrayNode services = Json.array();
        ObjectNode s = services.addObject();
        s.put("service_code", "jalan");
        s.put("metadata", true);
        s.putNull("group");
        String xml = new String(Documents.xml("services", services), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<services><service><service_code>jalan</service_code><metadata>true</metadata><group/></service></services>");
    }

    @Test
    @DisplayName("text XML cannot carry is replaced, markup is escaped, and other scripts pass through")
    void xmlText() {
        ObjectNode o = Json.object();
        o.put("description", "a\u0001b <c> & \"d\" \uFFFE \u4e2d \ud83d\ude97 \ud800");
        String xml = new String(Documents.xml("request", o), StandardCharsets.UTF_8);
        assertThat(xml).contains("a\uFFFDb &lt;c&gt; &amp; \"d\" \uFFFD \u4e2d \ud83d\ude97 \uFFFD");
    }

    @Test
    @DisplayName("Texts.shown quotes, truncates and escapes control characters")
    void shown() {
        assertThat(Texts.shown("abc", 10)).isEqualTo("'abc'");
        assertThat(Texts.shown("abcdef", 3)).isEqualTo("'abc...'");
        assertThat(Texts.shown("a\nb", 10)).isEqualTo("'a\\u000Ab'");
        assertThat(Texts.shown(null, 3)).isEqualTo("(none)");
    }
}
