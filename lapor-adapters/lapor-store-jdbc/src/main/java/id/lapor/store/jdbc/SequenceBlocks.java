package id.lapor.store.jdbc;

import java.util.function.IntFunction;

/**
 * Hands out values of a database sequence one at a time from blocks it reserves in advance, so that
 * a block's single round trip serves many callers. Thread-safe: one block is drawn from at a time,
 * and a caller that finds it empty reserves the next while the others wait, which is rare and short.
 */
final class SequenceBlocks {
    private final int blockSize;
    private final IntFunction<long[]> reserve;
    private long[] block = new long[0];
    private int next;

    SequenceBlocks(int blockSize, IntFunction<long[]> reserve) {
        this.blockSize = blockSize;
        this.reserve = reserve;
    }

    int blockSize() {
        return blockSize;
    }

    synchronized long next() {
        if (next == block.length) {
            // Reserved first, swapped in after: a failed reservation leaves the (empty) block as it was.
            block = reserve.apply(blockSize);
            next = 0;
        }
        return block[next++];
    }
}
