package org.linli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * Deploys {@code processes/}, {@code dmn/} and {@code forms/} under names relative to their folder
 * ({@code processes/grievance-handling.bpmn}), whatever the classpath layout. The engine's default names
 * are absolute file paths under {@code spring-boot:run} and tests but bare file names from the fat jar,
 * so switching between the two on one database would deploy new versions nobody changed.
 */
class StableNameDeploymentConfiguration extends DefaultDeploymentConfiguration {

    static final List<String> MODEL_FOLDERS = List.of("processes/", "dmn/", "forms/");

    @Override
    public Set<Resource> getDeploymentResources() {
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
            named.add(new NamedResource(resource, stableName(resource)));
        }
        return named;
    }

    static String stableName(Resource resource) {
        String location;
        try {
            location = resource.getURL().toString().replace(File.separatorChar, '/');
        } catch (IOException e) {
            return resource.getFilename();
        }
        int best = -1;
        for (String folder : MODEL_FOLDERS) {
            best = Math.max(best, location.lastIndexOf("/" + folder));
        }
        return best < 0 ? resource.getFilename() : location.substring(best + 1);
    }

    /** A resource that the engine's Spring deployment names by {@link #getPathWithinContext()}. */
    static final class NamedResource extends AbstractResource implements ContextResource {

        private final Resource delegate;
        private final String name;

        NamedResource(Resource delegate, String name) {
            this.delegate = delegate;
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public String getFilename() {
            return delegate.getFilename();
        }

        @Override
        public URL getURL() throws IOException {
            return delegate.getURL();
        }

        @Override
        public boolean exists() {
            return delegate.exists();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public String getDescription() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedResource that && name.equals(that.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
