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

    /** The file's bytes, decompressed when it is an {@code .xz} file. */
    static byte[] readBytes(Path file) throws IOException, BadInputException {
        if (!isXz(file)) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new BadInputException("corrupt .xz file: the compressed data ends too early");
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw e;
            }
            throw new BadInputException("corrupt .xz file: " + e.getMessage());
        }
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
        try (InputStream raw = Files.newInputStream(file)) {
            if (!isXz(file)) {
                return raw.readNBytes(limit);
            }
            try (InputStream in = new XZInputStream(new BufferedInputStream(raw))) {
                return in.readNBytes(limit);
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
