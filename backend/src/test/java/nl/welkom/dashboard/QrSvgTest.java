package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrSvgTest {
    private static final String TEXT = DashboardController.ACTIVATION_URI_PREFIX + "K7QD-9XM2-PW4T-HN6C-R3VB";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern DARK_RUN =
            Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"1\"/>");
    private static final int PIXELS_PER_MODULE = 4;

    @Test
    void theSvgDecodesBackToTheEncodedText() throws Exception {
        boolean[][] modules = modulesOf(QrSvg.render(TEXT));

        assertEquals(TEXT, decode(modules).getText());
    }

    @Test
    void theDrawingIsTheSymbolPlusAFourModuleQuietZone() {
        BitMatrix matrix = QrSvg.encode(TEXT);
        String svg = QrSvg.svg(matrix);

        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), svg);
        int size = Integer.parseInt(viewBox.group(1));
        assertEquals(matrix.getWidth() + 2 * QrSvg.QUIET_ZONE, size);
        assertEquals(size, Integer.parseInt(viewBox.group(2)));
        assertEquals(0, (matrix.getWidth() - 17) % 4, "a QR symbol is 17 + 4·version modules wide");

        boolean[][] modules = modulesOf(svg);
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < QrSvg.QUIET_ZONE; q++) {
                assertFalse(modules[q][i] || modules[size - 1 - q][i] || modules[i][q] || modules[i][size - 1 - q],
                        "quiet zone must stay light");
            }
        }
    }

    @Test
    void everyDarkModuleIsDrawnOnceAndNoLightOneIs() {
        BitMatrix matrix = QrSvg.encode(TEXT);
        boolean[][] modules = modulesOf(QrSvg.svg(matrix));

        int drawn = 0;
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertEquals(matrix.get(x, y), modules[y + QrSvg.QUIET_ZONE][x + QrSvg.QUIET_ZONE], "module " + x + "," + y);
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        Matcher run = DARK_RUN.matcher(QrSvg.svg(matrix));
        while (run.find()) {
            drawn += Integer.parseInt(run.group(3));
        }
        assertEquals(dark, drawn);
    }

    @Test
    void theThreeFinderPatternsSitInTheirCorners() {
        boolean[][] modules = modulesOf(QrSvg.render(TEXT));
        int q = QrSvg.QUIET_ZONE;
        int far = modules.length - q - 7;

        assertFinderPattern(modules, q, q);
        assertFinderPattern(modules, far, q);
        assertFinderPattern(modules, q, far);
    }

    @Test
    void theMarkupHoldsNoTextButNumbers() {
        String svg = QrSvg.render(TEXT);

        assertFalse(svg.contains("K7QD"), "the code itself is not written into the markup");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("aria-hidden=\"true\""));
    }

    /** A 7×7 finder: dark ring, light ring, dark 3×3 core. */
    private static void assertFinderPattern(boolean[][] modules, int left, int top) {
        for (int dy = 0; dy < 7; dy++) {
            for (int dx = 0; dx < 7; dx++) {
                int ring = Math.min(Math.min(dx, dy), Math.min(6 - dx, 6 - dy));
                boolean expected = ring != 1;
                assertEquals(expected, modules[top + dy][left + dx],
                        "finder at " + left + "," + top + " module " + dx + "," + dy);
            }
        }
    }

    /** The drawing read back from the SVG: [y][x], true for dark, quiet zone included. */
    private static boolean[][] modulesOf(String svg) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), svg);
        int size = Integer.parseInt(viewBox.group(1));
        boolean[][] modules = new boolean[size][size];
        Matcher run = DARK_RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                assertFalse(modules[y][x + i], "module drawn twice at " + (x + i) + "," + y);
                modules[y][x + i] = true;
            }
        }
        return modules;
    }

    /** Scans the drawing the way a phone would: as a picture, with zxing's reader. */
    private static Result decode(boolean[][] modules) throws Exception {
        int side = modules.length * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                boolean dark = modules[py / PIXELS_PER_MODULE][px / PIXELS_PER_MODULE];
                pixels[py * side + px] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader().decode(bitmap);
    }
}
