package org.linli.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.linli.faults.MalformedInputFaultIT.BadRequest;
import org.springframework.http.HttpMethod;

/**
 * Malformed requests against the REST API and Open311: unreadable or mistyped JSON, missing and oversize fields,
 * unknown codes, path ids and query parameters of the wrong type, wrong content types. Each is something a real
 * client gets wrong; none may earn a 5xx.
 */
final class MalformedRequests {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private MalformedRequests() {
    }

    static List<BadRequest> all(SplittableRandom random, int count) {
        List<Function<SplittableRandom, BadRequest>> kinds = kinds();
        List<BadRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(kinds.get(i % kinds.size()).apply(random));
        }
        return requests;
    }

    private static List<Function<SplittableRandom, BadRequest>> kinds() {
        return List.of(
                r -> post("/api/grievances", brokenJson(r), "wang.fang"),
                r -> post("/api/grievances", "{\"category\":" + pick(r, "123", "[]", "{}", "true") + ",\"description\":1}",
                        "wang.fang"),
                r -> post("/api/grievances", "{\"category\":\"no-such-" + r.nextInt(1000) + "\",\"description\":\"漏水\","
                        + "\"communityCode\":\"xh01\",\"reporterPhone\":\"13800138000\"}", "wang.fang"),
                r -> post("/api/grievances", "{\"category\":\"environment\",\"description\":\"" + "长".repeat(
                        r.nextInt(5_000, 20_000)) + "\",\"communityCode\":\"xh01\"}", "zhang.lan"),
                r -> post("/api/grievances", "{\"category\":\"environment\",\"urgency\":\"" + pick(r, "PANIC", "", "1")
                        + "\",\"channel\":\"" + pick(r, "pigeon", "email2") + "\",\"description\":\"x\"}", "zhang.lan"),
                r -> new BadRequest(HttpMethod.POST, "/api/grievances", pick(r, "text/plain", "application/xml"),
                        "<grievance/>", "zhang.lan"),
                r -> post("/api/grievances/" + pick(r, "GRV-NOPE", "%20", "x".repeat(300), "0") + "/rating",
                        "{\"rating\":" + pick(r, "\"five\"", "0", "99", "null", "-1") + "}", "zhang.lan"),
                r -> post("/api/grievances/NOPE-" + r.nextInt(10_000) + "/comments", pick(r, "{}", "{\"text\":\"\"}",
                        "{\"text\":null}", brokenJson(r)), "wang.fang"),
                r -> get("/api/grievances/" + pick(r, "NOPE-1", "..", "%E4%B8%AD", "1;DROP TABLE") + "", "zhang.lan"),
                r -> get("/api/grievances?community=" + pick(r, "", "nowhere", "xh01&page=-3", "xh01&size=abc"),
                        "wang.fang"),
                r -> form("/open311/v2/requests", pick(r, "", "jurisdiction_id=xh01", "service_code=environment",
                        "jurisdiction_id=xh01&service_code=environment"), "zhang.lan"),
                r -> form("/open311/v2/requests", "jurisdiction_id=" + pick(r, "nowhere", "", "%00")
                        + "&service_code=environment&description=漏水", "zhang.lan"),
                r -> form("/open311/v2/requests", "jurisdiction_id=xh01&service_code=" + pick(r, "nope", "", "'")
                        + "&description=漏水", "zhang.lan"),
                r -> form("/open311/v2/requests", "jurisdiction_id=xh01&service_code=environment&description=漏水&phone="
                        + pick(r, "123", "abc", "1380013800099"), "zhang.lan"),
                r -> form("/open311/v2/requests", "jurisdiction_id=xh01&service_code=environment&description=漏水"
                        + "&address_id=" + pick(r, "abc", "1.5", "-1", "99999999999999999999"), "zhang.lan"),
                r -> form("/open311/v2/requests", "jurisdiction_id=xh01&service_code=environment&description="
                        + pick(r, "", "%20%20"), "zhang.lan"),
                r -> new BadRequest(HttpMethod.POST, "/open311/v2/requests.json", JSON,
                        "{\"jurisdiction_id\":\"xh01\"}", "zhang.lan"),
                r -> get("/open311/v2/requests/" + pick(r, "NOPE-1", "x.json", "0.json"), "zhang.lan"),
                r -> get("/open311/v2/requests.json?service_request_id=" + pick(r, "NOPE-1", "NOPE-1,NOPE-2", "x".repeat(300)),
                        "wang.fang"),
                r -> get("/api/alarms/" + pick(r, "abc", "1.5", "-1", "99999999999999999999"), "wang.fang"),
                r -> get("/api/alarms?community=xh01&openOnly=" + pick(r, "maybe", "2") + "&page=" + pick(r, "-1", "x"),
                        "wang.fang"),
                r -> get("/api/alarms?size=" + pick(r, "0", "1000", "abc"), "wang.fang"),
                r -> get("/api/cases?page=" + pick(r, "-1", "abc") + "&size=" + pick(r, "0", "100000", "x")
                        + "&overdue=" + pick(r, "perhaps", "true"), "chen.jun"),
                r -> get("/api/cases/dashboard?from=" + pick(r, "yesterday", "2026-02-30") + "&to=x", "chen.jun"),
                r -> post("/api/basedata/residents", pick(r, brokenJson(r), "{\"idCardNumber\":\"123\"}",
                        "{\"idCardNumber\":\"11010519491231002X\",\"name\":\"\",\"householdId\":\"abc\"}"), "admin"),
                r -> post("/api/basedata/devices", "{\"id\":\"" + pick(r, "", "a b", "x".repeat(100)) + "\",\"sensorType\":\""
                        + pick(r, "TOASTER", "", "smoke") + "\",\"communityCode\":\"xh01\"}", "admin"),
                r -> get("/api/basedata/residents/" + pick(r, "abc", "-5", "1e3"), "admin"),
                r -> new BadRequest(HttpMethod.PUT, "/api/basedata/residents/" + pick(r, "abc", "0")
                        + "/circumstances", JSON, pick(r, brokenJson(r), "{\"monthlyIncome\":\"lots\"}"), "admin"),
                r -> post("/api/basedata/households", pick(r, "[]", "{\"householdNo\":null}", brokenJson(r)), "admin"),
                r -> post("/api/deliberations", pick(r, "{}", "{\"title\":\"\",\"options\":[]}", brokenJson(r),
                        "{\"title\":\"t\",\"text\":\"x\",\"type\":\"WAR\",\"options\":[\"a\"]}"), "zhang.lan"),
                r -> post("/api/deliberations/NOPE-" + r.nextInt(100) + "/votes", pick(r, "{}", "{\"option\":\"x\"}",
                        brokenJson(r)), "zhang.lan"),
                r -> get("/api/deliberations/board" + pick(r, "", "?community="), "zhang.lan"),
                r -> post("/api/home-visits", pick(r, "{}", brokenJson(r), "{\"residentId\":\"abc\"}",
                        "{\"residentId\":999999999,\"visitDate\":\"2999-01-01\"}"), "wang.fang"),
                r -> post("/api/reports", pick(r, "{}", brokenJson(r), "{\"type\":\"nope\"}",
                        "{\"type\":\"population-change\",\"period\":\"last year\"}"), "admin"),
                r -> get("/api/reports/" + pick(r, "abc", "99999999") + "/communities/xh01/" + pick(r, "pdf", "html"),
                        "admin"),
                r -> get("/api/reports/types/" + pick(r, "nope", "..") + "/preview/" + pick(r, "html", "exe"), "admin"),
                r -> post("/api/eligibility/offers/" + pick(r, "abc", "999999999") + "/answer", pick(r, "{}",
                        brokenJson(r), "{\"accept\":\"maybe\"}"), "zhang.lan"),
                r -> get("/api/eligibility/residents/" + pick(r, "abc", "1.5", "99999999999999999999") + "/matches", "wang.fang"),
                r -> post("/api/admin/basedata/synthetic", pick(r, "{\"seed\":\"x\"}", "{\"residents\":-5}",
                        brokenJson(r)), "admin"),
                r -> get("/api/no-such-endpoint/" + r.nextInt(1000), "wang.fang"));
    }

    private static BadRequest post(String path, String body, String user) {
        return new BadRequest(HttpMethod.POST, path, JSON, body, user);
    }

    private static BadRequest form(String path, String body, String user) {
        return new BadRequest(HttpMethod.POST, path, FORM, body, user);
    }

    private static BadRequest get(String path, String user) {
        return new BadRequest(HttpMethod.GET, path, null, null, user);
    }

    private static String brokenJson(SplittableRandom random) {
        return pick(random, "{", "{\"a\":", "[1,2", "{'single':'quotes'}", "{\"a\":1,}", "\u0000", "{\"a\":NaN}",
                "[".repeat(3_000), "{\"n\":" + "9".repeat(3_000) + "}", "not json at all");
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
