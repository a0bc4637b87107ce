报表,${doc.title}（汇总）
报告期,${doc.period}
已报送,${doc.submitted}/${doc.total}
社区,状态<#list doc.columns as col>,${col}</#list>
<#list doc.lines as line>
${line.communityName},<#if line.submitted>已报送<#else>未报送</#if><#list line.values as v>,${v!""}</#list>
</#list>
合计,<#list doc.totals as t>,${t!""}</#list>
