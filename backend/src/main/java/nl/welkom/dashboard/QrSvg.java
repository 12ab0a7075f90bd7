package nl.welkom.dashboard;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR code as inline SVG, without images or scripts: zxing's core computes the modules, this
 * class writes one {@code <rect>} per horizontal run of dark modules, inside a white quiet zone of
 * {@value #QUIET_ZONE} modules (what scanners need to find the code on a printed page). One SVG user
 * unit is one module; the page's CSS gives the picture its printed size.
 *
 * <p>The output consists of fixed markup and numbers only, so it can be inserted into a page
 * unescaped; the text it encodes does not appear in it.
 */
final class QrSvg {
    /** Width of the light border around the symbol, in modules: four, as ISO/IEC 18004 asks. */
    static final int QUIET_ZONE = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.MARGIN, 0,
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrSvg() {
    }

    /** The QR symbol for {@code text}, one bit per module, without quiet zone. */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** {@code text} as an SVG QR code (quiet zone included), hidden from screen readers: label its container. */
    static String render(String text) {
        return svg(encode(text));
    }

    /** The modules of {@code matrix} as SVG: a white square, then the dark runs in a black group. */
    static String svg(BitMatrix matrix) {
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(64 * matrix.getHeight());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">")
                .append("<rect class=\"quiet-zone\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" fill=\"#fff\"/><g fill=\"#000\">");
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                svg.append("<rect x=\"").append(start + QUIET_ZONE).append("\" y=\"").append(y + QUIET_ZONE)
                        .append("\" width=\"").append(x - start).append("\" height=\"1\"/>");
            }
        }
        return svg.append("</g></svg>").toString();
    }
}
