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
                throw new BadInputException(String.format(Locale.ROOT, "the file is %s, over the limit of %s that "
                        + "SignalBench reads in one piece; split it into smaller files", size(size), size(limit)));
            }
            return Files.readAllBytes(file);
        }
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file)), XZ_MEMORY_LIMIT_KIB)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new BadInputException(String.format(Locale.ROOT, "the .xz file decompresses to more than %s, the "
                        + "limit SignalBench reads in one piece (a damaged or hostile archive, or split it into smaller files)",
                        size(limit)));
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
