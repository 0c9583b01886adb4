package id.lapor.sms.kannel;

import static id.lapor.sms.kannel.SmsWorld.PHONE;
import static id.lapor.sms.kannel.SmsWorld.PHONE_E164;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapor.core.Lapor;
import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.complaint.Weight;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.Event;
import id.lapor.core.lifecycle.State;
import id.lapor.core.view.ComplaintView;
import id.lapor.testkit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsIntakeTest {
    private final SmsWorld world = new SmsWorld();

    private String send(String from, String text, String id) {
        return world.intake.handle(world.sms(from, text, id));
    }

    @Test
    @DisplayName("a keyworded SMS becomes a complaint for the keyword's unit; the answer carries its number")
    void newComplaint() {
        String answer = send(PHONE, "PALANGKARAYA jalan rusak di Jl. Tjilik Riwut km 5, berlubang besar", "id-1");
        TrackingNumber n = SmsWorld.numberIn(answer);
        assertThat(answer).isEqualTo("LAPOR " + n + ": laporan Anda diterima. Simpan nomor ini. Cek status: STATUS " + n);
        Complaint c = world.store.find(n).orElseThrow();
        assertThat(c.channel()).isEqualTo(Channel.SMS);
        assertThat(c.targetInstitution()).contains(Fixtures.CITY);
        assertThat(c.location().region().value()).isEqualTo("62.71");
        assertThat(c.body()).isEqualTo("jalan rusak di Jl. Tjilik Riwut km 5, berlubang besar");
        assertThat(c.title()).isEqualTo("jalan rusak di Jl. Tjilik Riwut km 5, berlubang besar");
        assertThat(c.reporter().phone()).isEqualTo(PHONE_E164);
        assertThat(c.secret().matches(PHONE_E164)).isTrue();
        assertThat(c.channelMessageId()).contains("id-1");
        assertThat(c.anonymous() || c.confidential()).isFalse();
    }

    @Test
    @DisplayName("the same message id delivered again, even after a restart, makes no second complaint and gets the same number")
    void duplicate() {
        String first = send(PHONE, "PALANGKARAYA lampu jalan mati", "dup-1");
        assertThat(send(PHONE, "PALANGKARAYA lampu jalan mati", "dup-1")).isEqualTo(first);
        SmsIntake restarted = SmsIntake.builder().lapor(world.lapor).grammar(world.grammar).build();
        assertThat(restarted.handle(world.sms(PHONE, "PALANGKARAYA lampu jalan mati", "dup-1"))).isEqualTo(first);
        assertThat(world.smsComplaints()).hasSize(1);
        send(PHONE, "PALANGKARAYA lampu jalan mati", "dup-2");
        assertThat(world.smsComplaints()).hasSize(2);
    }

    @Test
    @DisplayName("flag words make a complaint confidential or anonymous")
    void flags() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA RAHASIA ANONIM pungli di loket KTP", "f-1"));
        Complaint c = world.store.find(n).orElseThrow();
        assertThat(c.confidential()).isTrue();
        assertThat(c.anonymous()).isTrue();
        assertThat(c.body()).isEqualTo("pungli di loket KTP");
    }

    @Test
    @DisplayName("STATUS answers the state and the running deadline")
    void status() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA jalan rusak", "s-1"));
        // submitted Tuesday 14 April 2026 09:00 WIB: 3 working days, due at the end of Friday 17 April
        assertThat(send("+6285700000000", "STATUS " + n, "s-2"))
                .isEqualTo("LAPOR " + n + ": diterima, menunggu verifikasi. Batas waktu verifikasi: 17-04-2026.");
        world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n, Command.Verify.to(Fixtures.PUBLIC_WORKS, Weight.NORMAL))
                .orElseThrow();
        assertThat(send(PHONE, "cek " + n, "s-3")).startsWith("LAPOR " + n + ": diproses instansi. Batas waktu tindak lanjut: ");
        assertThat(send(PHONE, "STATUS 70674622482", "s-4")).isEqualTo("LAPOR 70674622482: laporan tidak ditemukan.");
        assertThat(send(PHONE, "STATUS 12345", "s-5")).isEqualTo("Cek status: STATUS <nomor laporan>, mis. STATUS 70674622482");
    }

    @Test
    @DisplayName("a confidential complaint's status is told only to the phone that reported it")
    void confidentialStatus() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA RAHASIA pungli di loket", "c-1"));
        assertThat(send("0857-0000-0000", "STATUS " + n, "c-2")).isEqualTo("LAPOR " + n + ": laporan tidak ditemukan.");
        assertThat(send("6281234567890", "STATUS " + n, "c-3")).startsWith("LAPOR " + n + ": diterima, menunggu verifikasi. Batas");
    }

    @Test
    @DisplayName("a message from the reporting phone that names its number is the reporter's reply, once per message id")
    void reply() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA jalan rusak", "r-1"));
        Actor verifier = Fixtures.officer(Role.VERIFIER, Fixtures.CITY);
        world.lapor.execute(verifier, n, new Command.Hold("mohon sebutkan lokasi persisnya")).orElseThrow();

        String text = n + " lokasi di depan Pasar Besar, km 5";
        assertThat(send("+62 812-3456-7890", text, "r-2")).isEqualTo("LAPOR " + n + ": tanggapan Anda diterima.");
        assertThat(send(PHONE, text, "r-2")).isEqualTo("LAPOR " + n + ": tanggapan Anda diterima.");
        List<Event.ReporterReplied> replies = world.store.history(n).stream().map(e -> e.event())
                .filter(Event.ReporterReplied.class::isInstance).map(Event.ReporterReplied.class::cast).toList();
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo(text);
            assertThat(r.reopened()).isTrue();
        });
        assertThat(world.store.find(n).orElseThrow().state()).isEqualTo(State.SUBMITTED);

        // The gateway delivers r-2 again after a restart, or to another node: a new Lapor and a new intake.
        Lapor otherNode = Fixtures.laporBuilder(world.store, world.clock).build();
        SmsIntake restarted = SmsIntake.builder().lapor(otherNode).grammar(world.grammar).build();
        assertThat(restarted.handle(world.sms(PHONE, text, "r-2"))).isEqualTo("LAPOR " + n + ": tanggapan Anda diterima.");
        assertThat(restarted.handle(world.sms(PHONE, n + " satu lagi", "r-3"))).isEqualTo("LAPOR " + n + ": tanggapan Anda diterima.");
        assertThat(world.store.history(n)).extracting(e -> e.event()).filteredOn(Event.ReporterReplied.class::isInstance)
                .map(e -> ((Event.ReporterReplied) e).channelMessageId()).containsExactly("r-2", "r-3");
    }

    @Test
    @DisplayName("another phone naming the number is not a reply: without a keyword it gets the help text")
    void replyFromAnotherPhone() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA jalan rusak", "o-1"));
        assertThat(send("085700000000", n + " saya juga melihat", "o-2")).startsWith("LAPOR: kirim PALANGKARAYA <laporan Anda>.");
        assertThat(world.store.history(n)).noneMatch(e -> e.event() instanceof Event.ReporterReplied);
        String other = send("085700000000", "PALANGKARAYA sama dengan laporan " + n, "o-3");
        assertThat(SmsWorld.numberIn(other)).isNotEqualTo(n);
    }

    @Test
    @DisplayName("a reply to a closed complaint is refused with its state")
    void replyToArchived() {
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA jalan rusak", "a-1"));
        world.lapor.execute(Fixtures.officer(Role.VERIFIER, Fixtures.CITY), n,
                new Command.Archive(id.lapor.core.complaint.ArchiveReason.values()[0], null)).orElseThrow();
        assertThat(send(PHONE, n + " kenapa diarsipkan?", "a-2"))
                .isEqualTo("LAPOR " + n + ": laporan sudah diarsipkan; tanggapan tidak dapat diterima.");
    }

    @Test
    @DisplayName("a keyword alone, unknown words and an unknown sender get short help texts")
    void help() {
        assertThat(send(PHONE, "PALANGKARAYA", "h-1")).isEqualTo("Tulis laporan setelah kata kunci, mis. PALANGKARAYA jalan rusak di depan pasar");
        String help = send(PHONE, "halo", "h-2");
        assertThat(help).isEqualTo("LAPOR: kirim PALANGKARAYA <laporan Anda>. Cek status: STATUS <nomor>. Menanggapi: <nomor> <tanggapan>.");
        assertThat(Gsm7.canEncode(help)).isTrue();
        assertThat(help.length()).isLessThanOrEqualTo(160);
        assertThat(send("TELKOMSEL", "PALANGKARAYA promo", "h-3")).isEqualTo("LAPOR: nomor pengirim tidak dikenali.");
        assertThat(world.smsComplaints()).isEmpty();
    }

    @Test
    @DisplayName("UCS-2 text with emoji and dashes is stored intact; a long one gets a title cut at a word")
    void unicode() {
        String body = "lampu jalan mati — sudah 3 minggu 😡 di Jl. G. Obos; warga “takut” lewat malam hari, mohon segera diperbaiki";
        TrackingNumber n = SmsWorld.numberIn(send(PHONE, "PALANGKARAYA " + body, "u-1"));
        Complaint c = world.store.find(n).orElseThrow();
        assertThat(c.body()).isEqualTo(body);
        assertThat(c.title()).isEqualTo("lampu jalan mati — sudah 3 minggu 😡 di Jl. G. Obos;...");
        ComplaintView v = world.lapor.view(Actor.reporter(PHONE_E164), n).orElseThrow();
        assertThat(v.reporter()).isPresent();
    }

    @Test
    @DisplayName("a keyword naming a unit outside the directory is refused when the intake is built")
    void unknownUnit() {
        SmsGrammar g = SmsGrammar.builder().keyword("MARS", id.lapor.core.directory.UnitId.of("kota-mars")).build();
        assertThatThrownBy(() -> SmsIntake.builder().lapor(world.lapor).grammar(g).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kota-mars");
        assertThatThrownBy(() -> SmsIntake.builder().build()).hasMessage("SmsIntake needs lapor, grammar (see SmsIntake.Builder)");
    }
}
