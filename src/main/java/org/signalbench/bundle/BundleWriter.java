package org.signalbench.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a bundle file (docs/formats/bundle.md): the header line, then one JSON line per post.
 * The header is written by the constructor, so even a bundle without posts is a valid file.
 * Closing the writer closes the stream.
 */
public final class BundleWriter implements Closeable, Flushable {
    public static final String FORMAT = "signalbench-bundle";
    public static final int VERSION = 1;

    private static final ObjectWriter LINE_WRITER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writer();

    private final Writer out;
    private long written;

    public BundleWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        writeLine(header);
    }

    public void write(BundlePost post) throws IOException {
        writeLine(post);
        written++;
    }

    /** How many posts were written so far. */
    public long written() {
        return written;
    }

    private void writeLine(Object value) throws IOException {
        // Jackson escapes control characters, so a caption's line breaks never split the line.
        LINE_WRITER.writeValue(out, value);
        out.write('\n');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
