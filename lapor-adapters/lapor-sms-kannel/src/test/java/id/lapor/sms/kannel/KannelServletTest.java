package id.lapor.sms.kannel;

import static id.lapor.sms.kannel.SmsWorld.PHONE_E164;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.lifecycle.Complaint;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KannelServletTest {
    private static final String TOKEN = "kannel-shared-token";
    private final SmsWorld world = new SmsWorld();
    private final HttpClient client = HttpClient.newHttpClient();
    private JettyApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String query) throws Exception {
        if (app == null) {
            app = new JettyApp(new KannelServlet(world.intake, world.clock, TOKEN));
        }
        return client.send(HttpRequest.newBuilder(URI.create(app.url() + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Escapes every byte of {@code text} in {@code charset} the way smsbox does (spaces as '+'). */
    private static String kannelEscape(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            if (c == ' ') {
                out.append('+');
            } else if (Character.isLetterOrDigit(c) && c < 0x80 || "-_.".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String query(String text, Charset charset, int coding, String id) {
        return "from=081234567890&to=1708&text=" + kannelEscape(text, charset) + "&charset=" + charset.name() + "&coding=" + coding
                + "&id=" + id + "&time=1776132000&token=" + TOKEN;
    }

    @Test
    @DisplayName("a UTF-8 text as smsbox sends it with mo-recode arrives intact, emoji and dashes included")
    void utf8() throws Exception {
        String text = "PALANGKARAYA jalan rusak — parah 😀 café “km 5”";
        HttpResponse<String> r = get(query(text, StandardCharsets.UTF_8, 0, "9b0c4a3e-1"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("charset=UTF-8"));
        assertThat(r.headers().firstValue("X-Kannel-Coding")).isEmpty();
        Complaint c = world.store.find(SmsWorld.numberIn(r.body())).orElseThrow();
        assertThat(c.body()).isEqualTo("jalan rusak — parah 😀 café “km 5”");
        assertThat(c.reporter().phone()).isEqualTo(PHONE_E164);
        assertThat(c.submittedAt()).isEqualTo(world.clock.instant());
    }

    @Test
    @DisplayName("a UCS-2 text without mo-recode (UTF-16BE, coding 2) and a WINDOWS-1252 one are decoded by their charset")
    void otherCharsets() throws Exception {
        HttpResponse<String> ucs2 = get(query("PALANGKARAYA banjir – 30 cm 🌧", StandardCharsets.UTF_16BE, 2, "id-ucs2"));
        assertThat(world.store.find(SmsWorld.numberIn(ucs2.body())).orElseThrow().body()).isEqualTo("banjir – 30 cm 🌧");
        HttpResponse<String> latin = get(query("PALANGKARAYA pelayanan café buruk", Charset.forName("windows-1252"), 0, "id-1252"));
        assertThat(world.store.find(SmsWorld.numberIn(latin.body())).orElseThrow().body()).isEqualTo("pelayanan café buruk");
    }

    @Test
    @DisplayName("the same id twice answers the same number and stores one complaint")
    void duplicate() throws Exception {
        String q = query("PALANGKARAYA sampah menumpuk", StandardCharsets.UTF_8, 0, "dup");
        TrackingNumber first = SmsWorld.numberIn(get(q).body());
        assertThat(SmsWorld.numberIn(get(q).body())).isEqualTo(first);
        assertThat(world.smsComplaints()).hasSize(1);
    }

    @Test
    @DisplayName("a reply that needs UCS-2 is marked with X-Kannel-Coding: 2")
    void ucs2Reply() throws Exception {
        SmsIntake intake = SmsIntake.builder().lapor(world.lapor).grammar(world.grammar)
                .texts(new IntakeTexts("LAPOR {number}: diterima ✓", "", "", "", "", "", "", "", "bantuan — ketik", "", "", "", "", "dd-MM-yyyy"), "id")
                .build();
        app = new JettyApp(new KannelServlet(intake, world.clock, null));
        HttpResponse<String> r = get("from=081234567890&text=apa&charset=UTF-8");
        assertThat(r.body()).isEqualTo("bantuan — ketik");
        assertThat(r.headers().firstValue("X-Kannel-Coding")).hasValue("2");
    }

    @Test
    @DisplayName("a wrong token is forbidden, a missing sender or text is a bad request, text invalid in its charset too")
    void refusals() throws Exception {
        assertThat(get("from=081234567890&text=halo&token=wrong").statusCode()).isEqualTo(403);
        assertThat(get("from=081234567890&token=" + TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("text=halo&token=" + TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("from=081234567890&text=%C3%28&charset=UTF-8&token=" + TOKEN).statusCode()).isEqualTo(400);
        assertThat(world.smsComplaints()).isEmpty();
    }

    @Test
    @DisplayName("when the core fails the answer is 503, so smsbox delivers the message again")
    void failureIs503() throws Exception {
        SmsIntake broken = SmsIntake.builder().lapor(id.lapor.testkit.Fixtures.lapor(new FailingStore(), world.clock))
                .grammar(world.grammar).build();
        app = new JettyApp(new KannelServlet(broken, world.clock, null));
        HttpResponse<String> r = get("from=081234567890&text=PALANGKARAYA+jalan+rusak&id=x1");
        assertThat(r.statusCode()).isEqualTo(503);
    }
}
