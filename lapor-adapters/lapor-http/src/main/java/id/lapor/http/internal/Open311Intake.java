package id.lapor.http.internal;

import id.lapor.core.InvalidValueException;
import id.lapor.core.complaint.AttachmentRef;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.Location;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Reporter;
import id.lapor.core.lifecycle.Command;
import id.lapor.http.HttpLimits;
import id.lapor.http.internal.HttpFailure.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the form of a GeoReport v2 {@code POST requests} into a {@link Command.Submit}, reporting every
 * problem at once with the Open311 name of the field. Values of the reporter's fields (names, phone,
 * e-mail) are never echoed in a message.
 */
public final class Open311Intake {
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,64})\\](\\[\\])?");
    private static final Set<String> PERSONAL = Set.of("first_name", "last_name", "phone", "email");
    private static final int MAX_TITLE = 200;

    private final Open311Documents documents;
    private final HttpLimits limits;
    private final Optional<RegionCode> defaultRegion;
    private final Channel channel;

    public Open311Intake(Open311Documents documents, HttpLimits limits, Optional<RegionCode> defaultRegion, Channel channel) {
        this.documents = documents;
        this.limits = limits;
        this.defaultRegion = defaultRegion;
        this.channel = channel;
    }

    /**
     * The submission the form asks for.
     *
     * @param channelMessageId the request's Idempotency-Key, or null
     * @throws HttpFailure 400 listing every problem; 404 when service_code names no service
     */
    public Command.Submit submit(Params form, String channelMessageId) {
        String serviceCode = form.single("service_code", 64)
                .orElseThrow(() -> HttpFailure.badRequest("service_code", "service_code was not provided"));
        CategoryId category = documents.service(serviceCode)
                .orElseThrow(() -> HttpFailure.notFound("service_code " + Texts.shown(serviceCode, 64) + " was not found"));
        List<Problem> problems = new ArrayList<>();
        Map<String, String> attributes = attributes(form, serviceCode, problems);

        Double lat = coordinate(form, "lat", 90, problems);
        Double lon = coordinate(form, "long", 180, problems);
        if ((lat == null) != (lon == null) && !hasProblem(problems, "lat", "long")) {
            problems.add(new Problem(lat == null ? "lat" : "long", "lat and long must be given together"));
        }
        String address = text(form, "address_string", limits.maxFieldChars(), problems);
        Optional<String> addressId = safe(() -> form.single("address_id", 20), problems);
        RegionCode region = null;
        if (addressId.isPresent()) {
            try {
                region = RegionCode.of(addressId.get());
            } catch (InvalidValueException e) {
                problems.add(new Problem("address_id", "address_id must be a region code such as 62.71.01.1001: " + e.getMessage()));
            }
        } else if (lat == null && lon == null && address == null) {
            problems.add(new Problem(null, "a location is required: lat and long, address_string or address_id"));
        } else if (defaultRegion.isPresent()) {
            region = defaultRegion.get();
        } else {
            problems.add(new Problem("address_id", "address_id (a region code such as 62.71.01.1001) is required here:"
                    + " every report is filed under a region"));
        }

        String description = text(form, "description", limits.maxDescriptionChars(), problems);
        if (description == null && !hasProblem(problems, "description")) {
            problems.add(new Problem("description", "description was not provided: the report needs its text"));
        }
        String title = attributes.get(Open311Documents.ATTR_TITLE);
        if (title == null && description != null) {
            title = titleFrom(description);
        }

        String first = personal(form, "first_name", problems);
        String last = personal(form, "last_name", problems);
        String phone = personal(form, "phone", problems);
        String email = personal(form, "email", problems);
        String mediaUrl = text(form, "media_url", 1000, problems);
        List<AttachmentRef> attachments = List.of();
        if (mediaUrl != null) {
            if (isWebUrl(mediaUrl)) {
                attachments = List.of(new AttachmentRef(mediaUrl, mediaType(mediaUrl), null));
            } else {
                problems.add(new Problem("media_url", "media_url must be an absolute http or https URL"));
            }
        }
        for (String ignored : List.of("device_id", "account_id")) {
            text(form, ignored, limits.maxFieldChars(), problems);
        }
        if (!problems.isEmpty()) {
            throw HttpFailure.badRequest(problems);
        }
        String name = first == null && last == null ? null
                : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        Reporter reporter = new Reporter(name, phone == null ? null : phone.replaceAll("[\\s().-]", ""), email, null);
        Kind kind = attributes.containsKey(Open311Documents.ATTR_KIND)
                ? Kind.valueOf(attributes.get(Open311Documents.ATTR_KIND).toUpperCase(Locale.ROOT)) : Kind.COMPLAINT;
        return new Command.Submit(kind, channel, title, description, null, new Location(region, lat, lon, address), category,
                Set.of(), attachments, reporter, "true".equals(attributes.get(Open311Documents.ATTR_ANONYMOUS)),
                "true".equals(attributes.get(Open311Documents.ATTR_CONFIDENTIAL)), null, null, channelMessageId);
    }

    /** The Open311 name of a field lapor reported a violation for ({@code reporter.phone} is {@code phone}). */
    public static String open311Field(String laporField) {
        String f = laporField.replaceAll("\\[\\d+]", "");
        switch (f) {
            case "title":
                return "attribute[title]";
            case "body":
                return "description";
            case "kind":
                return "attribute[kind]";
            case "category":
                return "service_code";
            case "location.latitude":
                return "lat";
            case "location.longitude":
                return "long";
            case "location.pointComplete":
                return "lat, long";
            case "location.address":
                return "address_string";
            case "location.region":
            case "location":
                return "address_id";
            case "reporter.name":
                return "first_name, last_name";
            case "reporter.phone":
                return "phone";
            case "reporter.email":
                return "email";
            case "reporter.reachable":
            case "reporter":
                return "email, phone";
            case "attachments.uri":
            case "attachments.mediaType":
            case "attachments.name":
            case "attachments":
                return "media_url";
            case "channelMessageId":
                return Idempotency.HEADER;
            default:
                return f;
        }
    }

    private Map<String, String> attributes(Params form, String serviceCode, List<Problem> problems) {
        Map<String, String> out = new HashMap<>();
        for (String name : form.names()) {
            if (!name.startsWith("attribute")) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(name);
            if (!m.matches()) {
                problems.add(new Problem(Texts.shown(name, 60), "an attribute is given as attribute[code]=value"));
                continue;
            }
            String code = m.group(1);
            if (!Open311Documents.ATTRIBUTES.contains(code)) {
                problems.add(new Problem(name, "service " + serviceCode + " has no attribute " + Texts.shown(code, 64)
                        + "; its attributes are " + String.join(", ", Open311Documents.ATTRIBUTES)));
                continue;
            }
            List<String> values = form.all(name);
            if (values.size() != 1 || out.containsKey(code)) {
                problems.add(new Problem(name, "attribute " + code + " takes one value"));
                continue;
            }
            String value = values.get(0);
            if (value.isEmpty()) {
                continue;
            }
            switch (code) {
                case Open311Documents.ATTR_TITLE:
                    if (value.length() > MAX_TITLE) {
                        problems.add(new Problem(name, "the title is longer than " + MAX_TITLE + " characters"));
                    } else if (Texts.firstForbidden(value) >= 0 || value.contains("\n") || value.contains("\r")) {
                        problems.add(new Problem(name, "the title must be one line without control characters"));
                    } else {
                        out.put(code, value);
                    }
                    break;
                case Open311Documents.ATTR_KIND:
                    if (!Set.of("aspiration", "complaint", "information_request").contains(value)) {
                        problems.add(new Problem(name, Texts.shown(value, 40)
                                + " is not a kind: use aspiration, complaint or information_request"));
                    } else {
                        out.put(code, value);
                    }
                    break;
                default:
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(new Problem(name, Texts.shown(value, 40) + " is not true or false"));
                    } else {
                        out.put(code, value);
                    }
            }
        }
        return out;
    }

    private static Double coordinate(Params form, String field, double bound, List<Problem> problems) {
        Optional<String> text = safe(() -> form.single(field, 40), problems);
        if (text.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.get().strip());
            if (!text.get().strip().matches("[+-]?\\d{1,3}(\\.\\d{1,15})?") || Double.isNaN(v) || v < -bound || v > bound) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, field + " " + Texts.shown(text.get(), 40) + " is not a WGS84 "
                    + (bound == 90 ? "latitude" : "longitude") + " in decimal degrees between " + (int) -bound + " and " + (int) bound));
            return null;
        }
    }

    /** A free text field: bounded, without control characters; null when absent or empty. */
    private static String text(Params form, String field, int maxChars, List<Problem> problems) {
        Optional<String> v = safe(() -> form.single(field, maxChars), problems);
        if (v.isEmpty()) {
            return null;
        }
        int bad = Texts.firstForbidden(v.get());
        if (bad >= 0) {
            problems.add(new Problem(field, field + " contains the control character U+" + String.format("%04X", bad)));
            return null;
        }
        return v.get().isBlank() ? null : v.get();
    }

    /** A reporter's field: like {@link #text}, but its value never appears in a message. */
    private String personal(Params form, String field, List<Problem> problems) {
        assert PERSONAL.contains(field);
        return text(form, field, limits.maxFieldChars(), problems);
    }

    private static <T> Optional<T> safe(java.util.function.Supplier<Optional<T>> read, List<Problem> problems) {
        try {
            return read.get();
        } catch (HttpFailure f) {
            problems.addAll(f.problems());
            return Optional.empty();
        }
    }

    private static boolean hasProblem(List<Problem> problems, String... fields) {
        return problems.stream().anyMatch(p -> p.field() != null && List.of(fields).contains(p.field()));
    }

    /** The first line of the description, cut at a word to at most 200 characters (UTF-16 units, as lapor counts). */
    static String titleFrom(String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        if (line.length() <= MAX_TITLE) {
            return line;
        }
        int end = MAX_TITLE - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        String cut = line.substring(0, end);
        int space = cut.lastIndexOf(' ');
        return (space > MAX_TITLE / 2 ? cut.substring(0, space) : cut).strip() + "\u2026";
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String mediaType(String url) {
        String path = URI.create(url).getPath();
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".gif")) {
            return "image/gif";
        } else if (lower.endsWith(".webp")) {
            return "image/webp";
        } else if (lower.endsWith(".mp4")) {
            return "video/mp4";
        } else if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }
}
