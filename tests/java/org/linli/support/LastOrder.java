package org.linli.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The integration tests' class order (Failsafe's {@code junit.jupiter.testclass.order.default}): as discovered,
 * except that classes marked {@link RunsLast} come after all others.
 */
public class LastOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(test -> test.isAnnotated(RunsLast.class)));
    }
}
