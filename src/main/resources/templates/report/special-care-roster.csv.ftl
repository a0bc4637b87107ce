报表,${doc.title}
社区,${doc.communityName}
报告期,${doc.period}
版本,${doc.version}
<#list doc.fields as f>
${f.label},${f.value!""},${f.source}
</#list>
网格,姓名,性别,出生日期,身份证号（脱敏）,住址,残疾等级,独居,特殊关爱
<#list doc.tables.people as p>
${p.grid_name},${p.name},${(p.gender == "M")?then("男", "女")},${p.birth_date},${p.id_card_masked},${p.standard_address},${p.disability_level},${p.living_alone},${p.special_care}
</#list>
