package org.linli.report;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * FreeMarker output format for CSV cells ({@code *.csv.ftl} templates auto-escape with it): every interpolated
 * value becomes one safe cell. Values holding a comma, quote or line break are quoted, and values a spreadsheet
 * would run as a formula ({@code = + - @}) get a leading apostrophe (CSV injection).
 */
final class CsvOutputFormat extends CommonMarkupOutputFormat<CsvOutputFormat.CsvOutput> {

    static final CsvOutputFormat INSTANCE = new CsvOutputFormat();

    private CsvOutputFormat() {
    }

    @Override
    public String getName() {
        return "CSV";
    }

    @Override
    public String getMimeType() {
        return "text/csv";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected CsvOutput newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new CsvOutput(plainTextContent, markupContent);
    }

    /** A CSV fragment inside a template. */
    static final class CsvOutput extends CommonTemplateMarkupOutputModel<CsvOutput> {

        CsvOutput(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public CsvOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
