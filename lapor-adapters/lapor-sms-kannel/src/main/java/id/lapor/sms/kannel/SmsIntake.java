package id.lapor.sms.kannel;

import id.lapor.core.Lapor;
import id.lapor.core.Outcome;
import id.lapor.core.Submission;
import id.lapor.core.access.Actor;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.Directory;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Command;
import id.lapor.core.lifecycle.Refusal;
import id.lapor.core.notification.MessageTexts;
import id.lapor.core.sla.Stage;
import id.lapor.core.view.ComplaintView;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS 1708 as a channel, independent of the gateway: turns one incoming SMS into a new complaint, a status
 * answer or a reporter's reply, and returns the text to send back at once.
 *
 * <ul>
 *   <li>{@code STATUS <number>}: the state and the running deadline. A confidential complaint answers only
 *       the phone that reported it; to anyone else it does not exist.
 *   <li>A message from the reporting phone that names its tracking number: the reporter's reply
 *       ({@link Command.Reply} as {@code Actor.reporter(phone)}).
 *   <li>{@code KEYWORD [flags] text}: a new complaint for the keyword's unit, the phone (E.164) as the
 *       reporter's contact and secret. The answer carries the tracking number.
 *   <li>Anything else: a short help text.
 * </ul>
 *
 * <p>A message the gateway delivers again (same id, e.g. Kannel retrying after a timeout) never makes a
 * second complaint: the core deduplicates submissions on the channel message id, durably. This class
 * also remembers the last {@code recentMessages} answers, so a repeated delivery gets the same answer
 * without running anything again (a reply is not appended twice) and one that arrives while the first is
 * still being handled waits for its answer. Thread-safe.
 */
public final class SmsIntake {
    private static final Logger log = LoggerFactory.getLogger(SmsIntake.class);
    private static final int TITLE_LENGTH = 60;

    private final Lapor lapor;
    private final SmsGrammar grammar;
    private final PhoneNumbers phones;
    private final IntakeTexts texts;
    private final MessageTexts states;
    private final String language;
    private final Map<UnitId, RegionCode> regions;
    private final Duration waitForFirst;
    private final Map<String, CompletableFuture<String>> recent;

    private SmsIntake(Builder b, Map<UnitId, RegionCode> regions) {
        this.lapor = b.lapor;
        this.grammar = b.grammar;
        this.phones = b.phones;
        this.texts = b.texts;
        this.states = b.states;
        this.language = b.language;
        this.regions = Map.copyOf(regions);
        this.waitForFirst = b.waitForFirst;
        int capacity = b.recentMessages;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The answer to {@code sms}, never empty.
     *
     * @throws IntakeUnavailableException when the message could not be handled now (the store failed, or
     *     the first delivery of the same message is still running): the gateway should deliver it again
     */
    public String handle(IncomingSms sms) {
        if (sms.messageId() == null || sms.messageId().isBlank()) {
            return answer(sms);
        }
        // The gateway's id is unique per message, as the core's deduplication of submissions assumes.
        String key = sms.messageId();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> first;
        synchronized (recent) {
            first = recent.putIfAbsent(key, mine);
        }
        if (first != null) {
            log.debug("SMS {} delivered again; answering as the first time", sms.messageId());
            try {
                return first.get(waitForFirst.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IntakeUnavailableException("interrupted waiting for the first delivery of " + sms.messageId(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IntakeUnavailableException("the first delivery of " + sms.messageId() + " has not succeeded", e);
            }
        }
        try {
            String answer = answer(sms);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            synchronized (recent) {
                recent.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e instanceof IntakeUnavailableException u ? u : new IntakeUnavailableException("SMS " + sms.messageId() + " failed", e);
        }
    }

    private String answer(IncomingSms sms) {
        Optional<String> phone = phones.toE164(sms.from());
        if (phone.isEmpty()) {
            return texts.unknownSender();
        }
        SmsGrammar.Request request = grammar.parse(sms.text());
        if (request instanceof SmsGrammar.Status s) {
            return s.number().map(n -> status(n, phone.get())).orElse(texts.statusUsage());
        }
        for (TrackingNumber n : grammar.mentionedNumbers(sms.text())) {
            Optional<String> replied = reply(n, phone.get(), sms.text().strip(), sms.messageId());
            if (replied.isPresent()) {
                return replied.get();
            }
        }
        if (request instanceof SmsGrammar.Report r) {
            return submit(r, phone.get(), sms);
        }
        if (request instanceof SmsGrammar.EmptyReport e) {
            return fill(texts.emptyReport(), Map.of("keyword", e.keyword()));
        }
        return fill(texts.help(), Map.of("keyword", grammar.keywords().iterator().next()));
    }

    private String submit(SmsGrammar.Report r, String phone, IncomingSms sms) {
        Command.Submit report = new Command.Submit(Kind.COMPLAINT, Channel.SMS, title(r.text()), r.text(), null,
                Location.of(regions.get(r.unit())), null, null, null, Reporter.phoneOnly(phone), r.anonymous(), r.confidential(),
                r.unit(), null, sms.messageId());
        Submission s = lapor.submit(Actor.newReporter(), report);
        if (s instanceof Submission.Invalid invalid) {
            log.info("SMS {} is not a valid report: {}", sms.messageId(), invalid.violations());
            return fill(texts.help(), Map.of("keyword", r.keyword()));
        }
        TrackingNumber n = s.trackingNumberOrThrow();
        if (s instanceof Submission.AlreadySubmitted) {
            log.info("SMS {} was delivered before: complaint {}", sms.messageId(), n);
        }
        return fill(texts.received(), Map.of("number", n.value()));
    }

    /** A reply when {@code phone} reported complaint {@code n}; empty when it did not (or there is no such complaint). */
    /** {@code messageId}: the gateway's, or null. */
    private Optional<String> reply(TrackingNumber n, String phone, String text, String messageId) {
        Actor reporter = Actor.reporter(phone);
        boolean owner = lapor.view(reporter, n).flatMap(ComplaintView::reporter).isPresent();
        if (!owner) {
            return Optional.empty();
        }
        // The gateway's message id makes a redelivery, to this node or another, a repeat of the first reply.
        Command.Reply command = messageId == null || messageId.isBlank() ? new Command.Reply(text)
                : new Command.Reply(text, Channel.SMS, messageId);
        for (int attempt = 0; attempt < 3; attempt++) {
            Outcome o = lapor.execute(reporter, n, command);
            if (o instanceof Outcome.Accepted) {
                return Optional.of(fill(texts.replyReceived(), Map.of("number", n.value())));
            } else if (o instanceof Outcome.Refused refused && refused.refusal().reason() == Refusal.Reason.ILLEGAL_IN_STATE) {
                return Optional.of(fill(texts.replyRefused(), Map.of("number", n.value(), "state",
                        states.state(refused.refusal().state(), language))));
            } else if (!(o instanceof Outcome.Conflict)) {
                log.info("reply to {} by SMS not taken: {}", n, o);
                return Optional.empty();
            }
        }
        throw new IntakeUnavailableException("complaint " + n + " kept changing while replying");
    }

    private String status(TrackingNumber n, String phone) {
        Optional<ComplaintView> view = lapor.view(Actor.reporter(phone), n);
        if (view.isEmpty()) {
            view = lapor.view(Actor.publicVisitor(), n);
        }
        if (view.isEmpty()) {
            return fill(texts.notFound(), Map.of("number", n.value()));
        }
        ComplaintView v = view.get();
        Map<String, String> values = new HashMap<>();
        values.put("number", n.value());
        values.put("state", states.state(v.state(), language));
        if (v.state().isTerminal() || v.deadline().isEmpty() || v.stage().isEmpty()) {
            return fill(texts.statusNoDeadline(), values);
        }
        values.put("stage", stage(v.stage().get()));
        values.put("deadline", v.deadline().get().lastDay().format(DateTimeFormatter.ofPattern(texts.deadlinePattern())));
        return fill(texts.status(), values);
    }

    private String stage(Stage stage) {
        return switch (stage) {
            case VERIFICATION -> texts.stageVerification();
            case FOLLOW_UP -> texts.stageFollowUp();
            case REPLY_WINDOW -> texts.stageReplyWindow();
        };
    }

    /** The first words of the text, at most {@value #TITLE_LENGTH} characters, cut at a space. */
    static String title(String text) {
        String squeezed = text.strip().replaceAll("\\s+", " ");
        if (squeezed.length() <= TITLE_LENGTH) {
            return squeezed;
        }
        int cut = squeezed.lastIndexOf(' ', TITLE_LENGTH - 3);
        if (cut < TITLE_LENGTH / 2) {
            cut = TITLE_LENGTH - 3;
        }
        if (Character.isHighSurrogate(squeezed.charAt(cut - 1))) {
            cut--;
        }
        return squeezed.substring(0, cut).strip() + "...";
    }

    private static String fill(String template, Map<String, String> values) {
        return IntakeTexts.fill(template, values);
    }

    /** Explicit wiring; {@link #build()} names whatever required part is missing. */
    public static final class Builder {
        private Lapor lapor;
        private SmsGrammar grammar;
        private PhoneNumbers phones = PhoneNumbers.indonesia();
        private IntakeTexts texts = IntakeTexts.indonesian();
        private MessageTexts states = MessageTexts.standard();
        private String language = MessageTexts.INDONESIAN;
        private RegionCode defaultRegion;
        private int recentMessages = 10_000;
        private Duration waitForFirst = Duration.ofSeconds(20);

        private Builder() {
        }

        /** Required. */
        public Builder lapor(Lapor lapor) {
            this.lapor = lapor;
            return this;
        }

        /** Required: the keywords, flags and status words. */
        public Builder grammar(SmsGrammar grammar) {
            this.grammar = grammar;
            return this;
        }

        /** How senders are normalised; Indonesian by default. */
        public Builder phoneNumbers(PhoneNumbers phones) {
            this.phones = Objects.requireNonNull(phones, "phones");
            return this;
        }

        /** The answers; {@link IntakeTexts#indonesian()} by default. */
        public Builder texts(IntakeTexts texts, String language) {
            this.texts = Objects.requireNonNull(texts, "texts");
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /** Where states' labels come from; {@link MessageTexts#standard()} by default. */
        public Builder stateLabels(MessageTexts states) {
            this.states = Objects.requireNonNull(states, "states");
            return this;
        }

        /**
         * The region of a report whose keyword's unit (and its ancestors) serve no region; by default such a
         * keyword is refused when building.
         */
        public Builder defaultRegion(RegionCode region) {
            this.defaultRegion = Objects.requireNonNull(region, "region");
            return this;
        }

        /** How many message ids are remembered with their answers; 10,000 by default. */
        public Builder recentMessages(int recentMessages) {
            if (recentMessages < 1) {
                throw new IllegalArgumentException("recentMessages must be at least 1, got " + recentMessages);
            }
            this.recentMessages = recentMessages;
            return this;
        }

        /** How long a repeated delivery waits for the first one's answer; 20 s by default, keep it below Kannel's http-timeout. */
        public Builder waitForFirst(Duration waitForFirst) {
            this.waitForFirst = Objects.requireNonNull(waitForFirst, "waitForFirst");
            return this;
        }

        public SmsIntake build() {
            List<String> missing = new ArrayList<>();
            if (lapor == null) {
                missing.add("lapor");
            }
            if (grammar == null) {
                missing.add("grammar");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("SmsIntake needs " + String.join(", ", missing) + " (see SmsIntake.Builder)");
            }
            Map<UnitId, RegionCode> regions = new HashMap<>();
            Directory directory = lapor.directory();
            grammar.jurisdictions().forEach((keyword, unit) -> {
                if (!directory.contains(unit)) {
                    throw new IllegalStateException("keyword " + keyword + " names unit " + unit + ", which is not in the directory");
                }
                RegionCode region = regionOf(directory, unit).orElse(defaultRegion);
                if (region == null) {
                    throw new IllegalStateException("keyword " + keyword + " names unit " + unit
                            + ", which serves no region (nor do its parents): set SmsIntake.Builder#defaultRegion");
                }
                regions.put(unit, region);
            });
            return new SmsIntake(this, regions);
        }

        private static Optional<RegionCode> regionOf(Directory directory, UnitId unit) {
            Optional<UnitId> current = Optional.of(unit);
            while (current.isPresent()) {
                Optional<Unit> u = directory.find(current.get());
                if (u.isEmpty()) {
                    return Optional.empty();
                }
                if (u.get().region().isPresent()) {
                    return u.get().region();
                }
                current = u.get().parent();
            }
            return Optional.empty();
        }
    }
}
