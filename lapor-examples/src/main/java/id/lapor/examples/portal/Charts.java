package id.lapor.examples.portal;

import id.lapor.core.directory.Directory;
import id.lapor.http.Statistics;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The statistics charts as inline SVG, drawn on the server from a {@link Statistics.Report}: no script and no
 * asset from elsewhere. Every bar carries its figure ({@code data-series}, {@code data-month} or
 * {@code data-unit}, {@code data-value}) so that what is drawn can be checked against the statistics API.
 */
final class Charts {
    static final String[] SERIES = {"received", "completed", "inProgress"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private Charts() {
    }

    static long value(Statistics.Month m, String series) {
        return switch (series) {
            case "received" -> m.received();
            case "completed" -> m.completed();
            case "inProgress" -> m.inProgress();
            default -> throw new IllegalArgumentException(series);
        };
    }

    /** Received, completed and in progress, grouped per month. */
    static String months(Statistics.Report report, Labels labels) {
        List<Statistics.Month> months = report.months();
        long max = 1;
        for (Statistics.Month m : months) {
            max = Math.max(max, m.received());
            max = Math.max(max, Math.max(m.completed(), m.inProgress()));
        }
        long top = niceCeiling(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        String[] names = {labels.t("stats.received"), labels.t("stats.completed"), labels.t("stats.inprogress")};
        Html svg = new Html();
        svg.raw("<svg class=\"chart\" id=\"chart-months\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + 24) + "\"")
                .raw(Html.attr("aria-label", labels.t("stats.months"))).raw(" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i <= 4; i++) {
            long v = top * i / 4;
            double y = TOP + plotH - (double) plotH * i / 4;
            svg.raw("<line class=\"grid\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + fmt(y) + "\" y2=\"" + fmt(y) + "\"/>");
            svg.raw("<text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"" + fmt(y + 4) + "\" text-anchor=\"end\">").text(v).raw("</text>");
        }
        double slot = months.isEmpty() ? plotW : (double) plotW / months.size();
        double bar = Math.max(2, (slot - 8) / SERIES.length);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yy", Locale.forLanguageTag(labels.language()));
        for (int i = 0; i < months.size(); i++) {
            Statistics.Month m = months.get(i);
            double x0 = LEFT + slot * i + 4;
            for (int s = 0; s < SERIES.length; s++) {
                long v = value(m, SERIES[s]);
                double h = (double) plotH * v / top;
                double x = x0 + bar * s;
                double y = TOP + plotH - h;
                svg.raw("<rect class=\"bar s" + s + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(bar - 1)
                        + "\" height=\"" + fmt(h) + "\"")
                        .raw(Html.attr("data-series", SERIES[s])).raw(Html.attr("data-month", m.month()))
                        .raw(Html.attr("data-value", v)).raw("><title>").text(names[s] + " " + m.month() + ": " + v)
                        .raw("</title></rect>");
            }
            svg.raw("<text class=\"xlabel\" x=\"" + fmt(x0 + bar * SERIES.length / 2) + "\" y=\"" + (HEIGHT - BOTTOM + 16)
                    + "\" text-anchor=\"middle\">").text(label.format(m.month())).raw("</text>");
        }
        double lx = LEFT;
        for (int s = 0; s < SERIES.length; s++) {
            svg.raw("<rect class=\"bar s" + s + "\" x=\"" + fmt(lx) + "\" y=\"" + (HEIGHT + 6) + "\" width=\"12\" height=\"12\"/>");
            svg.raw("<text class=\"legend\" x=\"" + fmt(lx + 16) + "\" y=\"" + (HEIGHT + 16) + "\">").text(names[s]).raw("</text>");
            lx += 30 + names[s].length() * 7.5;
        }
        svg.raw("</svg>");
        return svg.toString();
    }

    /** Each unit's on-time rate, one horizontal bar per unit. */
    static String onTime(Statistics.Report report, Directory directory, Labels labels) {
        List<Statistics.OnTime> units = report.onTime();
        int row = 26;
        int labelW = 300;
        int barW = WIDTH - labelW - 110;
        int height = Math.max(row, units.size() * row) + 8;
        Html svg = new Html();
        svg.raw("<svg class=\"chart\" id=\"chart-ontime\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height + "\"")
                .raw(Html.attr("aria-label", labels.t("stats.ontime"))).raw(" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < units.size(); i++) {
            Statistics.OnTime u = units.get(i);
            double rate = u.rate().orElse(0);
            double y = 4 + i * row;
            String name = directory.find(u.unit()).map(x -> x.name()).orElse(u.unit().value());
            svg.raw("<text class=\"ylabel\" x=\"" + (labelW - 8) + "\" y=\"" + fmt(y + 15) + "\" text-anchor=\"end\">")
                    .text(shorten(name, 38)).raw("<title>").text(name).raw("</title></text>");
            svg.raw("<rect class=\"track\" x=\"" + labelW + "\" y=\"" + fmt(y + 3) + "\" width=\"" + barW + "\" height=\"16\"/>");
            svg.raw("<rect class=\"bar rate" + (rate >= 0.8 ? " good" : rate >= 0.5 ? " fair" : " poor") + "\" x=\"" + labelW
                    + "\" y=\"" + fmt(y + 3) + "\" width=\"" + fmt(barW * rate) + "\" height=\"16\"")
                    .raw(Html.attr("data-unit", u.unit().value())).raw(Html.attr("data-due", u.stagesDue()))
                    .raw(Html.attr("data-met", u.stagesMet())).raw(Html.attr("data-value", u.rate().isPresent() ? rate : ""))
                    .raw("><title>").text(name + ": " + u.stagesMet() + "/" + u.stagesDue()).raw("</title></rect>");
            svg.raw("<text class=\"value\" x=\"" + (labelW + barW + 8) + "\" y=\"" + fmt(y + 15) + "\">")
                    .text(percent(rate) + " (" + u.stagesMet() + "/" + u.stagesDue() + ")").raw("</text>");
        }
        svg.raw("</svg>");
        return svg.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** 1, 2, 5 times a power of ten, at least {@code max}. */
    static long niceCeiling(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= max) {
                    return Math.max(4, m * step);
                }
            }
            step *= 10;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static YearMonth parseMonth(String text) {
        return YearMonth.parse(text);
    }
}
