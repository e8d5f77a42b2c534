package org.signalbench.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Detects a CSV file's encoding and delimiter from its first {@value #SNIFF_BYTES} bytes
 * (docs/decisions/0015-csv-encoding-juniversalchardet.md): a byte-order mark decides; text that is
 * valid UTF-8 is UTF-8; other text that reads as Western (windows-1252) is windows-1252; anything
 * else is what juniversalchardet names (Cyrillic, Greek, East Asian encodings), windows-1252 when it
 * names nothing Java reads. The delimiter is the one of {@code , ; tab |} that splits the first rows into
 * the most columns, the same number in every row.
 */
final class CsvSniffer {
    /** How much of a file detection looks at (8 MiB: quick, and far past where a file's first non-ASCII letter usually is). */
    static final int SNIFF_BYTES = 8 << 20;
    /** How many records the delimiter is judged on. */
    private static final int SNIFF_RECORDS = 50;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset UTF_16LE = StandardCharsets.UTF_16LE;
    static final Charset UTF_16BE = StandardCharsets.UTF_16BE;

    private CsvSniffer() {
    }

    /** The first bytes of a (decompressed) file, for detection. */
    static byte[] head(InputStream in) throws IOException {
        return in.readNBytes(SNIFF_BYTES);
    }

    /** The encoding of a file whose first bytes are {@code head}. */
    static Charset encoding(byte[] head) {
        Charset bom = fromBom(head);
        if (bom != null) {
            return bom;
        }
        if (isUtf8(head, head.length < SNIFF_BYTES)) {
            return StandardCharsets.UTF_8;
        }
        if (looksLatin(head)) {
            // Western text: the detector's guesses on a few accented letters are unreliable (German
            // as MacCyrillic), and windows-1252 is what Excel writes for it.
            return WINDOWS_1252;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(head, 0, head.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null || name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("US-ASCII")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return WINDOWS_1252;
        }
    }

    /**
     * Whether the bytes read as windows-1252 give Western text: fewer than 40% of the letters
     * outside ASCII (German, French or Spanish have well under 15%; Cyrillic, Greek or a multi-byte
     * encoding read this way come out as runs of accented letters, over 90%).
     */
    private static boolean looksLatin(byte[] head) {
        // windows-1252 is one byte per character: decoded byte by byte, with no copy of the sample.
        char[] table = new String(allBytes(), WINDOWS_1252).toCharArray();
        long letters = 0;
        long beyondAscii = 0;
        for (byte b : head) {
            char c = table[b & 0xFF];
            if (Character.isLetter(c)) {
                letters++;
                if (c > 127) {
                    beyondAscii++;
                }
            }
        }
        return letters == 0 || beyondAscii < 0.4 * letters;
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** The encoding a byte-order mark at the start names, or null. */
    static Charset fromBom(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return UTF_16LE; // Excel's "Unicode text"
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return UTF_16BE;
        }
        return null;
    }

    /** How many bytes of byte-order mark the file starts with, for {@code charset}. */
    static int bomLength(byte[] head, Charset charset) {
        Charset bom = fromBom(head);
        if (bom == null || !bom.equals(charset)) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    /** Whether the bytes are strict UTF-8; when {@code whole} is false the sample may end inside a character. */
    private static boolean isUtf8(byte[] bytes, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, whole);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true; // a cut-off last character is left in the input, not an error
            }
            out.clear();
        }
    }

    /** How much of the sample the delimiter is judged on (the first records are far shorter). */
    private static final int DELIMITER_SAMPLE_BYTES = 256 << 10;

    /**
     * The start of the sample (up to {@value #DELIMITER_SAMPLE_BYTES} bytes) decoded in
     * {@code charset}, unreadable bytes replaced: it is only looked at, never stored.
     */
    static String text(byte[] head, Charset charset) {
        int start = bomLength(head, charset);
        int length = Math.min(head.length - start, DELIMITER_SAMPLE_BYTES);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never reports
        }
    }

    /** The delimiter that splits the sample's first records most consistently into the most cells; ',' when none does. */
    static char delimiter(String sample) {
        int cut = sample.lastIndexOf('\n');
        String whole = cut < 0 ? sample : sample.substring(0, cut + 1); // the last line may be cut off
        char best = ',';
        double bestScore = 0;
        for (char candidate : CsvOptions.DELIMITERS) {
            double score = score(whole, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Cells in the header times the share of records with that many cells; 0 when the header is one cell. */
    private static double score(String text, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        int header = 0;
        int records = 0;
        int matching = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (records < SNIFF_RECORDS && it.hasNext()) {
                CSVRecord record = it.next();
                if (records == 0) {
                    header = record.size();
                }
                records++;
                if (record.size() == header) {
                    matching++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a quote this delimiter cannot explain: judged on the records before it
        }
        return header < 2 || records == 0 ? 0 : header * (double) matching / records;
    }
}
