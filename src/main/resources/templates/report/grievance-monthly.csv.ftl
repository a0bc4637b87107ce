报表,${doc.title}
社区,${doc.communityName}
报告期,${doc.period}
版本,${doc.version}
<#list doc.fields as f>
${f.label},${f.value!""},${f.source}
</#list>
类别,受理,办结,超期
<#list doc.tables.categories as r>
${r.category_label},${r.received},${r.closed},${r.overdue}
</#list>
