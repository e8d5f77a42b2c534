package org.signalbench.importing;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tukaani.xz.XZInputStream;

/**
 * Reads source files as bytes (decompressing {@code .xz}) and decodes them as strict UTF-8: a byte
 * sequence that is not UTF-8 is reported with its line, never replaced by a substitute character,
 * so what is stored is exactly what the file holds.
 */
final class SourceText {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SourceText() {
    }

    static boolean isXz(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xz");
    }

    /** The file name without a trailing {@code .xz}, lower-cased, for matching extensions. */
    static String plainName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * The most bytes of one file (after decompression) read at once: a tenth of the heap, at most
     * 1 GiB, so a larger file or an {@code .xz} bomb is refused with a reason instead of ending the
     * import in an OutOfMemoryError. The property {@value #MAX_FILE_BYTES_PROPERTY} sets it (tests).
     */
    static long maxFileBytes() {
        long configured = Long.getLong(MAX_FILE_BYTES_PROPERTY, 0);
        return configured > 0 ? configured : Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 10);
    }

    static final String MAX_FILE_BYTES_PROPERTY = "signalbench.import.maxFileBytes";
    /** The most memory the {@code .xz} decoder may take for its dictionary (a hostile header asks for gigabytes). */
    private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    /**
     * The file's bytes, decompressed when it is an {@code .xz} file. A file (or its decompressed
     * content) over {@link #maxFileBytes()} is a BadInputException saying so; so is a file that is
     * not a regular file (a pipe would block the import forever).
     */
    static byte[] readBytes(Path file) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(notRegular(file));
        }
        long limit = maxFileBytes();
        if (!isXz(file)) {
            long size = Files.size(file);
            if (size > limit) {
                throw new BadInputException(tooBig(size, limit));
            }
            return Files.readAllBytes(file);
        }
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file)), XZ_MEMORY_LIMIT_KIB)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new BadInputException(xzTooBig(limit));
            }
            return bytes;
        } catch (org.tukaani.xz.MemoryLimitException e) {
            throw new BadInputException(xzMemory(e));
        } catch (EOFException e) {
            throw new BadInputException("corrupt .xz file: the compressed data ends too early");
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw e;
            }
            throw new BadInputException("corrupt .xz file: " + e.getMessage());
        }
    }

    /** A decompressing stream over {@code in}, its dictionary memory limited. */
    static InputStream xz(InputStream in) throws IOException {
        return new XZInputStream(in, XZ_MEMORY_LIMIT_KIB);
    }

    /** The reason an .xz file asking for too much memory is refused. */
    static String xzMemory(org.tukaani.xz.MemoryLimitException e) {
        return String.format(Locale.ROOT, "the .xz file needs %,d MiB of memory to decompress, over the limit of %,d MiB",
                e.getMemoryNeeded() / 1024, XZ_MEMORY_LIMIT_KIB / 1024);
    }

    /** Why a path that is not a regular file is not read. */
    static String notRegular(Path file) {
        return Files.isDirectory(file) ? "a folder, not a file" : Files.exists(file)
                ? "not a regular file (a pipe, socket or device); not read" : "no such file";
    }

    /** A byte count for people: "1.5 MiB". */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /**
     * The whole file as strict UTF-8 text without a byte-order mark (what Excel's "CSV UTF-8" writes),
     * for parsers that take a reader; an invalid byte is a BadInputException naming its line.
     */
    static java.io.Reader reader(Path file) throws IOException, BadInputException {
        return new java.io.StringReader(decodeFile(readBytes(file)));
    }

    /** Up to {@code limit} bytes from the start of the file, decompressed when it is an {@code .xz} file. */
    static byte[] readHead(Path file, int limit) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(notRegular(file));
        }
        try (InputStream raw = Files.newInputStream(file)) {
            if (!isXz(file)) {
                return raw.readNBytes(limit);
            }
            try (InputStream in = new XZInputStream(new BufferedInputStream(raw), XZ_MEMORY_LIMIT_KIB)) {
                return in.readNBytes(limit);
            } catch (org.tukaani.xz.MemoryLimitException e) {
                throw new BadInputException(xzMemory(e));
            } catch (EOFException e) {
                throw new BadInputException("corrupt .xz file: the compressed data ends too early");
            } catch (IOException e) {
                throw new BadInputException("corrupt .xz file: " + e.getMessage());
            }
        }
    }

    /**
     * An input refused while it was being read (a byte that is not UTF-8, a file past its size limit):
     * an IOException, so it passes through a parser, carrying the reason and line to report.
     */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient BadInputException reason;

        Refused(BadInputException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }

        BadInputException reason() {
            return reason;
        }
    }

    /**
     * Opens a file as strict UTF-8 text read as a stream (decompressing {@code .xz}, without a leading
     * byte-order mark), reading at most {@code maxBytes} bytes of text ({@link Long#MAX_VALUE}: no
     * limit, for formats whose records are limited one by one). A byte that is not UTF-8, or text past
     * the limit (a file too large to read in one piece, an {@code .xz} bomb), ends reading with
     * {@link Refused}, naming the line of the bad byte or the limit. A file that is not a regular file
     * is refused before anything is read (a pipe would block the import).
     */
    static StrictReader open(Path file, long maxBytes) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(notRegular(file));
        }
        if (!isXz(file) && Files.size(file) > maxBytes) {
            throw new BadInputException(tooBig(Files.size(file), maxBytes));
        }
        long size = Math.max(1, Files.size(file));
        CountingInput raw = new CountingInput(Files.newInputStream(file));
        try {
            InputStream in = isXz(file) ? new XZInputStream(new BufferedInputStream(raw, 1 << 16), XZ_MEMORY_LIMIT_KIB)
                    : raw;
            return new StrictReader(in, raw, size, maxBytes, isXz(file));
        } catch (org.tukaani.xz.MemoryLimitException e) {
            raw.close();
            throw new BadInputException(xzMemory(e));
        } catch (IOException e) {
            raw.close();
            throw new BadInputException("corrupt .xz file: " + e.getMessage());
        }
    }

    private static String xzTooBig(long limit) {
        return String.format(Locale.ROOT, "the .xz file decompresses to more than %s, the limit SignalBench reads in one "
                + "piece (a damaged or hostile archive, or split it into smaller files)", size(limit));
    }

    private static String tooBig(long size, long limit) {
        return String.format(Locale.ROOT, "the file is %s, over the limit of %s that SignalBench reads in one piece; "
                + "split it into smaller files", size(size), size(limit));
    }

    /**
     * Strict UTF-8 text from a byte stream, one buffer at a time: tells the line of a bad byte, stops at
     * the byte limit, and says how far through the file on disk it has come.
     */
    static final class StrictReader extends java.io.Reader {
        private final InputStream in;
        private final CountingInput raw;
        private final long fileSize;
        private final long limit;
        private final boolean xz;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private long read;
        private int linesBefore = 1;
        private boolean started;
        private boolean eof;
        private boolean flushed;
        private int pending = -1;

        private StrictReader(InputStream in, CountingInput raw, long fileSize, long limit, boolean xz) {
            this.in = in;
            this.raw = raw;
            this.fileSize = fileSize;
            this.limit = limit;
            this.xz = xz;
            bytes.flip(); // empty, ready to read from
        }

        /** How far through the file on disk reading has come, 0 to 1. */
        double fractionRead() {
            return Math.min(1.0, (double) raw.count / fileSize);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pending >= 0) {
                cbuf[off] = (char) pending;
                pending = -1;
                return 1;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (true) {
                if (flushed) {
                    return out.position() > off ? out.position() - off : -1;
                }
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError() && out.position() > off) {
                    return out.position() - off; // the text before the bad byte first; the next read reports it
                }
                if (result.isError()) {
                    int bad = bytes.position();
                    throw new Refused(new BadInputException(linesBefore + newlines(0, bad), String.format(Locale.ROOT,
                            "invalid UTF-8: byte 0x%02X cannot start or continue a character", bytes.get(bad) & 0xFF)));
                }
                if (out.position() > off) {
                    return out.position() - off;
                }
                if (result.isOverflow()) {
                    // room for one char only, and the next is a surrogate pair: hand out its first half
                    CharBuffer pair = CharBuffer.allocate(2);
                    decoder.decode(bytes, pair, eof);
                    pair.flip();
                    cbuf[off] = pair.get();
                    pending = pair.hasRemaining() ? pair.get() : -1;
                    return 1;
                }
                if (eof) {
                    decoder.flush(out);
                    flushed = true;
                    continue;
                }
                fill();
            }
        }

        /** Moves the undecoded rest to the front (counting the lines passed) and reads more bytes. */
        private void fill() throws IOException {
            linesBefore += newlines(0, bytes.position());
            bytes.compact();
            int n = readSome();
            while (!started && n >= 0 && bytes.position() < 3) {
                n = readSome(); // enough bytes to tell a byte-order mark
            }
            bytes.flip();
            eof = n < 0;
            if (!started) {
                started = true;
                if (bytes.remaining() >= 3 && bytes.get(0) == BOM[0] && bytes.get(1) == BOM[1] && bytes.get(2) == BOM[2]) {
                    bytes.position(3);
                }
            }
        }

        private int readSome() throws IOException {
            int n;
            try {
                n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            } catch (org.tukaani.xz.MemoryLimitException e) {
                throw new Refused(new BadInputException(xzMemory(e)));
            } catch (EOFException e) {
                throw new Refused(new BadInputException("corrupt .xz file: the compressed data ends too early"));
            } catch (org.tukaani.xz.XZIOException e) {
                throw new Refused(new BadInputException("corrupt .xz file: " + e.getMessage()));
            }
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new Refused(new BadInputException(xz ? xzTooBig(limit) : String.format(Locale.ROOT,
                            "the file holds more than %s of text, over the limit of what SignalBench reads in one piece; "
                            + "split it into smaller files", size(limit))));
                }
                bytes.position(bytes.position() + n);
            }
            return n;
        }

        private int newlines(int from, int to) {
            int count = 0;
            for (int i = from; i < to; i++) {
                if (bytes.get(i) == '\n') {
                    count++;
                }
            }
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
            raw.close();
        }
    }

    /** Counts the bytes read from the file on disk, for progress. */
    static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        /** A counter whose file stream is given later, with {@link #over}, once the file is opened. */
        CountingInput() {
            super(null);
        }

        /** This counter over {@code raw}. */
        CountingInput over(InputStream raw) {
            in = raw;
            return this;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Where the text starts: after a UTF-8 byte-order mark, if the file has one. */
    static int contentStart(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
    }

    /** Decodes a whole file; an invalid byte is reported at its line. */
    static String decodeFile(byte[] bytes) throws BadInputException {
        int start = contentStart(bytes);
        return decode(bytes, start, bytes.length - start, null);
    }

    /**
     * Decodes {@code length} bytes from {@code offset}. When {@code line} is null the bytes are a
     * whole file and the error names the line of the bad byte; otherwise they are that one line.
     */
    static String decode(byte[] bytes, int offset, int length, Integer line) throws BadInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int badLine = line != null ? line : lineOf(bytes, offset, bad);
            throw new BadInputException(badLine, String.format(Locale.ROOT,
                    "invalid UTF-8: byte 0x%02X cannot start or continue a character", bytes[bad] & 0xFF));
        }
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int from, int to) {
        int line = 1;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
