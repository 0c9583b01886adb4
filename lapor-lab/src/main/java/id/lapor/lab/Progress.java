package id.lapor.lab;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on stderr for long runs, drawn at most ten times a second and only when asked for (by default
 * when stderr is a terminal), so that it never mixes into the results. It measures the bytes read.
 */
final class Progress {
    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private final String what;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean enabled, long totalBytes, String what) {
        this.err = err;
        this.enabled = enabled && totalBytes > 0;
        this.total = totalBytes;
        this.what = what;
    }

    /** Counts what passes through {@code in}. */
    InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }

            private void advance(long n) {
                read += n;
                update(read);
            }
        };
    }

    private void update(long read) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L && read < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int width = 30;
        int filled = (int) Math.min(width, read * width / total);
        err.print("\r" + what + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + Math.min(100, read * 100 / total) + "%");
        err.flush();
    }

    void done() {
        if (enabled && drawn) {
            err.print("\r" + " ".repeat(what.length() + 40) + "\r");
            err.flush();
        }
    }
}
