package org.linli.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users of the zero-setup run (engine identity). DEMO ONLY: every password is {@code demo}.
 * Runs after the demo community exists, so that its organisation groups can be joined.
 */
@Component
@Order(DemoUsers.ORDER)
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    static final int ORDER = 20;
    static final String PASSWORD = "demo";

    /** Departments that receive dispatched grievances (named by dmn/grievance-routing.dmn). */
    static final List<DemoGroup> DEPARTMENTS = List.of(
            new DemoGroup("dept-environment", "环境卫生所"),
            new DemoGroup("dept-housing", "房屋管理所"),
            new DemoGroup("dept-urban", "城市管理科"),
            new DemoGroup("dept-safety", "安全生产监督站"),
            new DemoGroup("dept-civil-affairs", "民政科"),
            new DemoGroup("dept-disabled-persons", "残疾人联合会"),
            new DemoGroup("grid-team", "网格工作站"),
            new DemoGroup("triage", "诉求分拨中心"),
            new DemoGroup("property-managers", "物业服务中心"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("wang.fang", "王", "芳", List.of(LinliGroups.CLERKS, "community-xh01")),
            new DemoUser("li.qiang", "李", "强", List.of(LinliGroups.GRID_WORKERS, "community-xh01", "grid-xh01-01")),
            new DemoUser("zhao.min", "赵", "敏", List.of(LinliGroups.DEPARTMENTS, "dept-environment")),
            new DemoUser("chen.jun", "陈", "军", List.of(LinliGroups.SUPERVISORS, "street-xh")),
            new DemoUser("sun.li", "孙", "丽", List.of(LinliGroups.DEPARTMENTS, "property-managers")),
            new DemoUser("qian.hui", "钱", "慧", List.of(LinliGroups.DEPARTMENTS, "dept-civil-affairs",
                    "dept-disabled-persons")),
            new DemoUser("admin", "系统", "管理员", List.of(LinliGroups.ADMINS)),
            new DemoUser("liu.yang", "刘", "洋", List.of(LinliGroups.RESIDENTS)),
            new DemoUser("zhang.lan", "张", "兰", List.of(LinliGroups.RESIDENTS)));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityService.isReadOnly()) {
            return;
        }
        ensureGroup(LinliGroups.CLERKS, "社区工作者", LinliGroups.TYPE_ROLE);
        ensureGroup(LinliGroups.GRID_WORKERS, "网格员", LinliGroups.TYPE_ROLE);
        ensureGroup(LinliGroups.DEPARTMENTS, "职能部门", LinliGroups.TYPE_ROLE);
        ensureGroup(LinliGroups.SUPERVISORS, "街道督办", LinliGroups.TYPE_ROLE);
        ensureGroup(LinliGroups.RESIDENTS, "居民", LinliGroups.TYPE_ROLE);
        ensureGroup(LinliGroups.ADMINS, "系统管理员", "SYSTEM");
        DEPARTMENTS.forEach(d -> ensureGroup(d.id(), d.name(), LinliGroups.TYPE_DEPARTMENT));
        USERS.forEach(this::ensureUser);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            // Chinese names are written surname first and whole: the webapps show "first last"
            user.setFirstName(demo.lastName() + demo.firstName());
            user.setLastName("");
            user.setEmail(demo.id() + "@demo.linli.invalid");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        for (String groupId : demo.groups()) {
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(demo.id(), groupId);
            }
        }
    }

    record DemoGroup(String id, String name) {
    }

    record DemoUser(String id, String lastName, String firstName, List<String> groups) {
    }
}
