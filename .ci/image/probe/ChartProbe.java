import java.awt.GraphicsEnvironment;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Draws a PNG chart with XChart inside the image, as the reports do: it needs the JRE's
 * java.desktop module, fontconfig, the native font libraries and a font. Compiled and run by
 * .ci/image/check against the image's own /app/libs.
 */
public final class ChartProbe {

  public static void main(String[] args) throws Exception {
    XYChart chart = new XYChartBuilder().width(480).height(320)
        .title("probe: latency over time").xAxisTitle("seconds").yAxisTitle("ms").build();
    chart.addSeries("p95", new double[] {1, 2, 3, 4}, new double[] {21, 25, 23, 30});
    BitmapEncoder.saveBitmap(chart, args[0], BitmapEncoder.BitmapFormat.PNG);
    String[] fonts = GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames();
    System.out.println("chart written with fonts: " + String.join(", ", fonts));
  }
}
