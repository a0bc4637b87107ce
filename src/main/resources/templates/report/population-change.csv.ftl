<#-- CSV: the figures, then one line per grid. -->
报表,${doc.title}
社区,${doc.communityName}
报告期,${doc.period}
版本,${doc.version}
<#list doc.fields as f>
${f.label},${f.value!""},${f.source}
</#list>
网格,出生,死亡,迁入,迁出
<#list doc.tables.grids as g>
${g.grid_name},${g.births},${g.deaths},${g.moved_in},${g.moved_out}
</#list>
