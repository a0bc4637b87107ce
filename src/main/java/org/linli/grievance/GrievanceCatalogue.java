package org.linli.grievance;

import java.util.Arrays;
import java.util.Optional;

/** The vocabularies of a grievance; codes are what the routing DMN and the forms use. */
public final class GrievanceCatalogue {

    private GrievanceCatalogue() {
    }

    /** Categories residents can file under; dmn/grievance-routing.dmn routes each (unknown ones to triage). */
    public enum Category {
        ENVIRONMENT("environment", "环境卫生"),
        PROPERTY("property", "物业管理"),
        PUBLIC_SAFETY("public-safety", "公共安全"),
        MUNICIPAL("municipal", "市政设施"),
        NEIGHBOURHOOD("neighbourhood", "邻里纠纷"),
        SOCIAL_SERVICES("social-services", "社会保障"),
        RENTAL_HOUSING("rental-housing", "出租房屋"),
        OTHER("other", "其他");

        private final String code;
        private final String label;

        Category(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Category> ofCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }
    }

    /** Where a grievance came in (one channel that merges a dozen). */
    public enum Channel {
        PORTAL("居民门户"), HOTLINE("热线电话"), COUNTER("服务窗口"), PATROL("网格巡查"), API("接口"), OPEN311("Open311");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Urgency {
        URGENT, NORMAL, LOW
    }

    /** Where a case stands, in the words the resident reads. */
    public enum Status {
        RECEIVED("已受理，待核实"),
        DISPATCHED("办理中"),
        HANDLED("已办结，待评价"),
        REOPENED("重新办理"),
        CLOSED("已结案"),
        REJECTED("不予受理"),
        MERGED("已合并办理");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isFinal() {
            return this == CLOSED || this == REJECTED || this == MERGED;
        }
    }
}
