package org.linli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Throughput and latency against offered load, drawn as one PNG of two charts side by side (XChart). */
final class LoadCurve {

    /** One step of the curve: what was offered, what was committed, and how late. */
    record Point(double offeredPerSecond, double achievedPerSecond, double p50Millis, double p99Millis) {
    }

    private final List<Point> points = new ArrayList<>();

    void add(Point point) {
        points.add(point);
    }

    void save(Path png, String subtitle) throws IOException {
        List<Double> offered = points.stream().map(Point::offeredPerSecond).toList();

        XYChart throughput = new XYChartBuilder().width(640).height(420).title("MQTT → committed: throughput")
                .xAxisTitle("offered events/s").yAxisTitle("committed events/s").build();
        throughput.addSeries("committed", offered, points.stream().map(Point::achievedPerSecond).toList())
                .setMarker(SeriesMarkers.CIRCLE);
        throughput.addSeries("offered (ideal)", offered, offered).setMarker(SeriesMarkers.NONE);

        XYChart latency = new XYChartBuilder().width(640).height(420).title("publish → commit latency")
                .xAxisTitle("offered events/s").yAxisTitle("ms (log)").build();
        latency.getStyler().setYAxisLogarithmic(true);
        latency.addSeries("p50", offered, points.stream().map(p -> Math.max(1, p.p50Millis())).toList())
                .setMarker(SeriesMarkers.CIRCLE);
        latency.addSeries("p99", offered, points.stream().map(p -> Math.max(1, p.p99Millis())).toList())
                .setMarker(SeriesMarkers.DIAMOND);
        for (XYChart chart : List.of(throughput, latency)) {
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
            chart.setTitle(chart.getTitle() + " (" + subtitle + ")");
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        String name = png.toString().replaceFirst("\\.png$", "");
        BitmapEncoder.saveBitmap(List.of(throughput, latency), 1, 2, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
