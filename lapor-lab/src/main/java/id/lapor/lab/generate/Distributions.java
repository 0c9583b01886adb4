package id.lapor.lab.generate;

import id.lapor.core.calendar.IndonesianTimeZone;
import id.lapor.core.complaint.CategoryId;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.Kind;
import id.lapor.core.complaint.RegionCode;
import id.lapor.core.complaint.Weight;
import id.lapor.core.directory.UnitId;
import id.lapor.core.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The distributions of {@link HistoryGenerator}, in one place so that the README can quote them. Shares are
 * exact weights, not observations: they make a plausible history, not an official statistic.
 */
public final class Distributions {
    /** The first tracking number; numeric like the national system's (#1916449). */
    static final long FIRST_ID = 1_900_000;

    /** Website 45%, app 30%, SMS 1708 15%, front desk 10%. */
    static final Weighted<Channel> CHANNELS = new Weighted<>(
            List.of(Channel.WEB, Channel.MOBILE_APP, Channel.SMS, Channel.FRONT_DESK), 45, 30, 15, 10);

    /** Complaints 78%, aspirations 14%, information requests 8%. */
    static final Weighted<Kind> KINDS = new Weighted<>(
            List.of(Kind.COMPLAINT, Kind.ASPIRATION, Kind.INFORMATION_REQUEST), 78, 14, 8);

    /** Minor 20%, normal 60%, without oversight content 15%, needing examination 5%. */
    static final Weighted<Weight> WEIGHTS = new Weighted<>(
            List.of(Weight.MINOR, Weight.NORMAL, Weight.WITHOUT_OVERSIGHT_CONTENT, Weight.NEEDING_EXAMINATION),
            20, 60, 15, 5);

    static final Weighted<String> ARCHIVE_REASONS = new Weighted<>(
            List.of("TOO_GENERAL", "INCOMPLETE", "NOT_ABOUT_PUBLIC_SERVICE", "DUPLICATE", "OUT_OF_SCOPE"),
            30, 25, 20, 15, 10);

    /** Kota Palangka Raya's districts by share of the population. */
    static final Weighted<String> CITY_DISTRICTS = new Weighted<>(
            List.of("62.71.03", "62.71.01", "62.71.02", "62.71.04", "62.71.05"), 45, 30, 12, 9, 4);

    /** The 38 provinces by population (millions, rounded; 2020 census and later estimates). */
    static final Weighted<String> PROVINCES = new Weighted<>(
            List.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
                    "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
                    "91", "92", "93", "94", "95", "96"),
            5.3, 15.1, 5.6, 6.4, 3.6, 8.5, 2.0, 9.0, 1.5, 2.1, 10.6, 48.3, 36.5, 3.7, 40.7, 11.9,
            4.3, 5.3, 5.3, 5.4, 2.7, 4.1, 3.8, 0.7, 2.6, 3.0, 9.1, 2.6, 1.2, 1.4, 1.8, 1.3,
            1.0, 0.55, 0.51, 1.3, 1.4, 0.6);

    /** Categories from the most to the least reported: the long tail is Zipf over this order. */
    static final List<String> POPULARITY = List.of("jalan", "drainase", "sampah", "ktp-el", "bantuan-sosial",
            "puskesmas", "penerangan-jalan", "banjir", "jaminan-kesehatan", "ppdb", "air-bersih", "pedagang-kaki-lima",
            "kartu-keluarga", "rumah-sakit", "angkutan-umum", "parkir-liar", "sekolah-dasar", "administrasi-kelurahan",
            "izin-usaha", "kebakaran-lahan", "pencemaran", "akta-kelahiran", "lampu-lalu-lintas", "jembatan",
            "sekolah-menengah-pertama", "sekolah-menengah-atas", "beasiswa", "pohon-tumbang", "bangunan-liar",
            "kepegawaian", "imunisasi", "pbg", "disabilitas", "lainnya");

    private static final Set<String> RAINY = Set.of("banjir", "drainase", "pohon-tumbang", "jalan");

    private Distributions() {
    }

    /**
     * How likely a report is on {@code date}: Monday 1.30, Tuesday 1.20, Wednesday 1.15, Thursday 1.10, Friday
     * 0.95, Saturday 0.45, Sunday 0.35; times the month (rainy season peak: December 1.20, January 1.25, February
     * 1.20, March 1.15, November 1.10; dry months 0.85-1.00); times 0.4 on a national holiday or collective leave.
     */
    static double dayWeight(LocalDate date, boolean holiday) {
        double[] weekday = {1.30, 1.20, 1.15, 1.10, 0.95, 0.45, 0.35};
        double[] month = {1.25, 1.20, 1.15, 1.00, 0.90, 0.85, 0.85, 0.95, 1.00, 0.95, 1.10, 1.20};
        return weekday[date.getDayOfWeek().getValue() - 1] * month[date.getMonthValue() - 1] * (holiday ? 0.4 : 1);
    }

    /** The leaves in popularity order; those the list does not know follow, by id. */
    static List<CategoryId> categoryOrder(List<CategoryId> leaves) {
        List<CategoryId> out = new ArrayList<>();
        for (String id : POPULARITY) {
            leaves.stream().filter(c -> c.value().equals(id)).findFirst().ifPresent(out::add);
        }
        leaves.stream().filter(c -> !out.contains(c)).sorted().forEach(out::add);
        return out;
    }

    /**
     * A category: Zipf (weight 1 / rank) over {@code order}; in the rainy season (November to March) floods,
     * drainage, fallen trees and roads weigh twice as much; in the haze season (August to October) forest and
     * land fires weigh six times as much.
     */
    static CategoryId category(SplittableRandom random, List<CategoryId> order, int month) {
        double[] w = new double[order.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            String id = order.get(i).value();
            double f = 1.0 / (i + 1);
            if ((month >= 11 || month <= 3) && RAINY.contains(id)) {
                f *= 2;
            }
            if (month >= 8 && month <= 10 && id.equals("kebakaran-lahan")) {
                f *= 6;
            }
            sum += f;
            w[i] = sum;
        }
        double x = random.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            if (x < w[i]) {
                return order.get(i);
            }
        }
        return order.get(order.size() - 1);
    }

    /**
     * The institution the reporter chose, if any: a ministry for 10% of health, 5% of education and 3% of
     * infrastructure reports (when the policy has it); else the city for 5%; else none.
     */
    static Optional<UnitId> institution(SplittableRandom random, CategoryId top, Policy policy) {
        double x = random.nextDouble();
        String ministry = switch (top.value()) {
            case "kesehatan" -> x < 0.10 ? "kemenkes" : null;
            case "pendidikan" -> x < 0.05 ? "kemendikdasmen" : null;
            case "infrastruktur" -> x < 0.03 ? "kemen-pu" : null;
            default -> null;
        };
        if (ministry == null && random.nextDouble() < 0.05) {
            ministry = "kota-palangkaraya";
        }
        return Optional.ofNullable(ministry).map(UnitId::of).filter(policy.directory()::contains);
    }

    /** Working days to verify: 0 (30%), 1 (30%), 2 (20%), 3 (10%), 4-7 (10%, late against 3). */
    static int verificationDelay(SplittableRandom random) {
        double x = random.nextDouble();
        return x < 0.3 ? 0 : x < 0.6 ? 1 : x < 0.8 ? 2 : x < 0.9 ? 3 : 4 + random.nextInt(4);
    }

    /** Working days to follow up: exponential with the unit's mean (2-3 days; 6.5 for one unit in five), floored. */
    static int followUpDelay(SplittableRandom random, double mean) {
        return (int) Math.min(60, Math.floor(-mean * Math.log(1 - random.nextDouble())));
    }

    /** The zone of a region: WITA and WIT by province code, WIB elsewhere. */
    public static IndonesianTimeZone zoneOf(RegionCode region) {
        int province = Integer.parseInt(region.value().substring(0, 2));
        if (province >= 81) {
            return IndonesianTimeZone.WIT;
        }
        if ((province >= 51 && province <= 53) || (province >= 63 && province <= 65)
                || (province >= 71 && province <= 76)) {
            return IndonesianTimeZone.WITA;
        }
        return IndonesianTimeZone.WIB;
    }

    static <T> T pick(SplittableRandom random, Weighted<T> w) {
        return w.pick(random);
    }

    /** Values with weights, picked in proportion. */
    static final class Weighted<T> {
        private final List<T> values;
        private final double[] cumulative;

        Weighted(List<T> values, double... weights) {
            if (values.size() != weights.length) {
                throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
            }
            this.values = List.copyOf(values);
            this.cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        T pick(SplittableRandom random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }
    }
}
