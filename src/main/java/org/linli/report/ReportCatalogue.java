package org.linli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.linli.report.ReportDefinition.FieldDefinition;
import org.linli.report.ReportDefinition.Source;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The report types: each {@code <code>.json} field definition in the template folder with its templates
 * {@code <code>.ftlh} (HTML, auto-escaped) and {@code <code>.csv.ftl} (CSV, auto-escaped by {@link CsvOutputFormat}),
 * plus {@code consolidated.*} for a request's consolidated report. Everything is checked when the application
 * starts: a template that does not parse or does not render a sample report, a field without its named query or
 * a definition that is not valid stops the startup (the deployment check), never a worker's request.
 */
@Component
public class ReportCatalogue {

    static final String CONSOLIDATED = "consolidated";

    private final Configuration freemarker;
    private final Map<String, ReportDefinition> definitions;

    @Autowired
    ReportCatalogue(ObjectMapper json, ReportProperties properties, NamedQueries queries) {
        this(json, properties.templatePath(), queries::exists);
    }

    ReportCatalogue(ObjectMapper json, String templatePath, Predicate<String> queryExists) {
        this.freemarker = configuration(templatePath);
        this.definitions = load(json, templatePath);
        for (ReportDefinition definition : definitions.values()) {
            check(definition, queryExists);
        }
        check(CONSOLIDATED + ".ftlh", sampleConsolidated());
        check(CONSOLIDATED + ".csv.ftl", sampleConsolidated());
    }

    public Collection<ReportDefinition> all() {
        return definitions.values();
    }

    public Optional<ReportDefinition> find(String code) {
        return Optional.ofNullable(definitions.get(code));
    }

    ReportDefinition get(String code) {
        return find(code).orElseThrow(() -> ReportProblems.unknownType(code));
    }

    String html(ReportDocument document) {
        return render(document.typeCode() + ".ftlh", document);
    }

    String csv(ReportDocument document) {
        return render(document.typeCode() + ".csv.ftl", document);
    }

    String html(ConsolidatedDocument document) {
        return render(CONSOLIDATED + ".ftlh", document);
    }

    String csv(ConsolidatedDocument document) {
        return render(CONSOLIDATED + ".csv.ftl", document);
    }

    private String render(String templateName, Object document) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(Map.of("doc", document), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new ReportTemplateException(templateName + ": " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static Configuration configuration(String templatePath) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(ReportCatalogue.class.getClassLoader(),
                templatePath));
        configuration.setDefaultEncoding("UTF-8");
        // *.ftlh is HTML with auto-escaping (standard extension); *.csv.ftl gets the CSV format, also auto-escaping
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setRegisteredCustomOutputFormats(List.of(CsvOutputFormat.INSTANCE));
        TemplateConfiguration csv = new TemplateConfiguration();
        csv.setOutputFormat(CsvOutputFormat.INSTANCE);
        csv.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        configuration.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.csv.ftl"), csv));
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("是,否");
        configuration.setDateFormat("yyyy-MM-dd");
        configuration.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return configuration;
    }

    private static Map<String, ReportDefinition> load(ObjectMapper json, String templatePath) {
        Map<String, ReportDefinition> result = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(ReportCatalogue.class.getClassLoader())
                    .getResources("classpath*:" + templatePath + "/*.json");
            Arrays.sort(resources, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            for (Resource resource : resources) {
                ReportDefinition definition;
                try (InputStream in = resource.getInputStream()) {
                    definition = json.readValue(in, ReportDefinition.class);
                } catch (IOException e) {
                    throw new ReportTemplateException(resource.getFilename() + ": not a valid report definition: "
                            + e.getMessage(), e);
                }
                if (!(definition.code() + ".json").equals(resource.getFilename())) {
                    throw new ReportTemplateException(resource.getFilename() + ": code " + definition.code()
                            + " differs from the file name", null);
                }
                result.put(definition.code(), definition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.isEmpty()) {
            throw new ReportTemplateException("No report definitions under " + templatePath, null);
        }
        return result;
    }

    private void check(ReportDefinition definition, Predicate<String> queryExists) {
        String file = definition.code() + ".json";
        List<String> keys = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.key() == null || field.label() == null || field.type() == null || field.source() == null) {
                throw new ReportTemplateException(file + ": field " + field.key() + " needs key, label, type, source",
                        null);
            }
            if (keys.contains(field.key())) {
                throw new ReportTemplateException(file + ": field " + field.key() + " defined twice", null);
            }
            keys.add(field.key());
            if (field.source() != Source.MANUAL && (field.query() == null || !queryExists.test(field.query()))) {
                throw new ReportTemplateException(file + ": field " + field.key() + " names no known query "
                        + field.query(), null);
            }
            if (definition.standard() && field.source() == Source.SUGGESTED) {
                throw new ReportTemplateException(file + ": a standard report computes every figure; field "
                        + field.key() + " is only suggested", null);
            }
        }
        definition.tables().forEach(table -> {
            if (!queryExists.test(table.query())) {
                throw new ReportTemplateException(file + ": table " + table.key() + " names no known query "
                        + table.query(), null);
            }
        });
        ReportDocument sample = sample(definition);
        check(definition.code() + ".ftlh", sample);
        check(definition.code() + ".csv.ftl", sample);
    }

    private void check(String templateName, Object sample) {
        try {
            render(templateName, sample);
        } catch (UncheckedIOException e) {
            throw new ReportTemplateException(templateName + ": missing or unreadable template", e);
        }
    }

    /** A report with a value in every field and empty tables: what each template must at least render. */
    private static ReportDocument sample(ReportDefinition definition) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ReportDocument.FieldValue> fields = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            Object value = switch (field.type()) {
                case INTEGER -> 1L;
                case DECIMAL -> new java.math.BigDecimal("1.5");
                case TEXT -> "示例";
            };
            values.put(field.key(), value);
            fields.add(new ReportDocument.FieldValue(field.key(), field.label(), value, "系统计算", "示例", false,
                    null));
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        definition.tables().forEach(t -> tables.put(t.key(), List.of()));
        return new ReportDocument(definition.code(), definition.name(), definition.standard(), "sample", "示例社区",
                "2026-01", 1, "草稿", "sample", "2026-01-01 00:00", fields, values, tables);
    }

    private static ConsolidatedDocument sampleConsolidated() {
        return new ConsolidatedDocument("示例", "2026-01", 1, 1, false, "2026-01-01 00:00", List.of("出生人数"),
                List.of(new ConsolidatedDocument.CommunityLine("c1", "示例社区", true, false, List.of(1L)),
                        new ConsolidatedDocument.CommunityLine("c2", "未报社区", false, true, java.util.Collections
                                .nCopies(1, null))),
                List.of(1L), 1, 2);
    }

    /** A report definition or template that cannot be used; thrown at startup. */
    static final class ReportTemplateException extends IllegalStateException {
        ReportTemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
