报表,${doc.title}
社区,${doc.communityName}
报告期,${doc.period}
版本,${doc.version}
<#list doc.fields as f>
${f.label},${f.value!""},${f.source}
</#list>
风险等级,房屋数,每月应检,本月已检
<#list doc.tables.levels as r>
${r.risk_level_label},${r.houses},${r.due},${r.done}
</#list>
