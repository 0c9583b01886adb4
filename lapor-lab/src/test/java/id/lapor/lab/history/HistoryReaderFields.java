package id.lapor.lab.history;

import java.util.Set;

/** Test access to the fields the reader accepts. */
public final class HistoryReaderFields {
    private HistoryReaderFields() {
    }

    public static Set<String> line() {
        return HistoryReader.fields().get("line");
    }

    public static Set<String> event() {
        return HistoryReader.fields().get("event");
    }
}
