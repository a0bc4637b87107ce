package org.linli.deliberation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The topic types the rules decision (dmn/deliberation-rules.dmn) knows, with their Chinese names. */
final class TopicTypes {

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("elevator", "加装电梯");
        LABELS.put("parking", "停车管理");
        LABELS.put("public-space", "公共空间使用");
        LABELS.put("other", "其他");
    }

    private TopicTypes() {
    }

    static String require(String type) {
        if (type == null || !LABELS.containsKey(type)) {
            throw DeliberationProblems.invalid("Unknown topic type " + type + "; use one of " + LABELS.keySet());
        }
        return type;
    }
}
