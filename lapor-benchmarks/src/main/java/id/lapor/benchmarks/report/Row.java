package id.lapor.benchmarks.report;

import java.util.Objects;

/**
 * One line of the table: a figure measured through lapor, the same work done by the baseline in the same run
 * (null when the figure has none), their ratio and whether the goal was met. {@code higherIsBetter} says which
 * way the ratio is taken: lapor over baseline for rates, baseline over lapor for times and sizes.
 */
public record Row(String id, String figure, String unit, Double lapor, String baselineName, Double baseline,
                  boolean higherIsBetter, Double ratio, Goal goal, Boolean met, String note) {
    public Row {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(goal, "goal");
    }

    /** A row whose ratio and verdict follow from the figures. */
    public static Row of(String id, String figure, String unit, double lapor, String baselineName, Double baseline,
                         boolean higherIsBetter, Goal goal, String note) {
        Double ratio = baseline == null || baseline == 0 || Double.isNaN(lapor) ? null
                : higherIsBetter ? lapor / baseline : baseline / lapor;
        return new Row(id, figure, unit, Double.isNaN(lapor) ? null : lapor, baselineName, baseline, higherIsBetter,
                ratio, goal, goal.met(Double.isNaN(lapor) ? null : lapor, ratio), note);
    }

    /** A figure that could not be measured in this run, and why. */
    public static Row missing(String id, String figure, Goal goal, String why) {
        return new Row(id, figure, "", null, null, null, true, null, goal, null, why);
    }
}
