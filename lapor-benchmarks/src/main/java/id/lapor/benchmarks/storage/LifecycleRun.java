package id.lapor.benchmarks.storage;

/** One complaint's whole lifecycle, five committed transactions: submit, verify and dispatch, forward, follow-up, complete. */
@FunctionalInterface
interface LifecycleRun {
    void lifecycle() throws Exception;
}
