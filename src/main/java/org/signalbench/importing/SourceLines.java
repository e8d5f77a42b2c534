package org.signalbench.importing;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a line-per-value file (a bundle) as a stream, decompressing {@code .xz} on the way: one
 * line in memory at a time, so a file of any size is read in constant memory. A line over
 * {@link JsonInput#MAX_LINE_BYTES} is skipped to its end without being kept, and reported.
 */
final class SourceLines {
    /** What is done with each line. */
    interface Handler {
        /** A line's bytes (without its line end, a CR before it, or a leading byte-order mark); {@code bytes} is reused after the call. */
        void line(int number, byte[] bytes, int length) throws BadInputException;

        /** A line over the limit, skipped: its length in bytes. */
        void tooLong(int number, long length) throws BadInputException;

        /** How far through the file (on disk) reading has come, 0 to 1. */
        void readUpTo(double fraction);
    }

    private SourceLines() {
    }

    /** Hands every line of {@code file} to {@code handler}, in order. */
    static void forEach(Path file, Handler handler) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(SourceText.notRegular(file));
        }
        long size = Math.max(1, Files.size(file));
        try (SourceText.CountingInput raw = new SourceText.CountingInput(Files.newInputStream(file));
             InputStream in = SourceText.isXz(file) ? SourceText.xz(new BufferedInputStream(raw, 1 << 16))
                     : new BufferedInputStream(raw, 1 << 16)) {
            boolean xz = SourceText.isXz(file);
            // Plain files: by the lines handed on; .xz files: by the compressed bytes read (the decompressed size is unknown).
            read(in, handler, consumed -> handler.readUpTo(Math.min(1.0, (double) (xz ? raw.count : consumed) / size)));
        } catch (org.tukaani.xz.MemoryLimitException e) {
            throw new BadInputException(SourceText.xzMemory(e));
        } catch (EOFException e) {
            throw new BadInputException("corrupt .xz file: the compressed data ends too early");
        } catch (org.tukaani.xz.XZIOException e) {
            throw new BadInputException("corrupt .xz file: " + e.getMessage());
        }
    }

    private static void read(InputStream in, Handler handler, java.util.function.LongConsumer progress)
            throws IOException, BadInputException {
        long consumed = 0;
        byte[] line = new byte[8192];
        int length = 0;
        long skipped = 0; // bytes of an overlong line, counted but not kept
        int number = 1;
        byte[] chunk = new byte[1 << 16];
        int read;
        boolean sawAny = false;
        while ((read = in.read(chunk)) > 0) {
            int from = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                int part = i - from;
                if (skipped > 0 || length + part > JsonInput.MAX_LINE_BYTES) {
                    handler.tooLong(number, skipped + length + part);
                    skipped = 0;
                } else {
                    line = append(line, length, chunk, from, part);
                    emit(handler, number, line, length + part, !sawAny);
                }
                sawAny = true;
                length = 0;
                number++;
                progress.accept(consumed + i + 1);
                from = i + 1;
            }
            int rest = read - from;
            if (skipped > 0 || length + rest > JsonInput.MAX_LINE_BYTES) {
                skipped += length + rest;
                length = 0;
            } else {
                line = append(line, length, chunk, from, rest);
                length += rest;
            }
            consumed += read;
        }
        if (skipped > 0) {
            handler.tooLong(number, skipped);
        } else if (length > 0) {
            emit(handler, number, line, length, !sawAny);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] chunk, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
        }
        System.arraycopy(chunk, from, line, length, count);
        return line;
    }

    private static void emit(Handler handler, int number, byte[] line, int length, boolean first) throws BadInputException {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        int start = first ? SourceText.contentStart(Arrays.copyOf(line, Math.min(3, end))) : 0;
        if (start > 0) {
            line = Arrays.copyOfRange(line, start, end);
            handler.line(number, line, end - start);
        } else {
            handler.line(number, line, end);
        }
    }
}
