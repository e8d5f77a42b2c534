package org.signalbench.findings;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * A chart as PNG: its stand-alone SVG rasterised by Apache Batik (docs/decisions/0016-chart-png-batik.md),
 * so the PNG is the same picture as the SVG and the report's chart, without JavaFX.
 */
public final class PngCharts {
    private PngCharts() {
    }

    /** The chart as PNG bytes, {@code scale} pixels per SVG unit, on white. */
    public static byte[] png(Charts.Chart chart, double scale) {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) Math.round(chart.width() * scale));
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) Math.round(chart.height() * scale));
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        TranscoderInput in = new TranscoderInput(new StringReader(Charts.svgDocument(chart)));
        in.setURI("file:/" + chart.name() + ".svg"); // Batik resolves nothing against it: the chart has no references
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("cannot draw the chart " + chart.name() + " as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
