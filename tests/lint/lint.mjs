#!/usr/bin/env node
// Lints the process models of Linli: processes/*.bpmn (bpmnlint, rules in .bpmnlintrc), dmn/*.dmn (dmnlint
// recommended + the engine's deployment rules) and forms/*.form (Camunda Forms as Tasklist renders them).
// Prints one line per problem, "file: element: message (rule)", and exits 1 if any is an error.
//
// Usage from the repository root:
//   (cd tests/lint && npm ci --no-audit --no-fund) && node tests/lint/lint.mjs

import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);

const { BpmnModdle } = require('bpmn-moddle');
const DmnModdle = require('dmn-moddle');
const BpmnLinter = require('bpmnlint/lib/linter');
const BpmnNodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const DmnLinter = require('dmnlint/lib/linter');
const DmnNodeResolver = require('dmnlint/lib/resolver/node-resolver');

const MAX_FORM_SCHEMA_VERSION = 16; // what the form-js viewer of Camunda 7.24 Tasklist declares

const problems = [];

function report(file, element, message, rule, category = 'error') {
  problems.push({ file, element: element || '-', message, rule, category });
}

async function filesIn(folder, extension) {
  const dir = path.join(root, folder);
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith(extension)).sort().map((name) => path.join(folder, name));
}

function collect(file, results) {
  for (const [rule, reports] of Object.entries(results)) {
    for (const { id, message, category } of reports) {
      report(file, id, message, rule, category);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- BPMN

async function lintBpmn(files) {
  const config = JSON.parse(await readFile(path.join(here, '.bpmnlintrc'), 'utf8'));
  const extensions = Object.fromEntries(
    Object.entries(config.moddleExtensions || {}).map(([prefix, module]) => [prefix, require(module)]));
  const moddle = new BpmnModdle(extensions);
  const linter = new BpmnLinter({ config, resolver: new BpmnNodeResolver({ require }) });
  const formRefs = [];

  for (const file of files) {
    let parsed;
    try {
      parsed = await moddle.fromXML(await readFile(path.join(root, file), 'utf8'));
    } catch (error) {
      report(file, null, 'cannot parse: ' + error.message, 'parse');
      continue;
    }
    for (const warning of parsed.warnings) {
      report(file, warning.element && warning.element.id, 'import warning: ' + warning.message.split('\n')[0], 'parse');
    }
    collect(file, await linter.lint(parsed.rootElement));
    walk(parsed.rootElement, (element) => {
      if (element.formRef) {
        formRefs.push({ file, element: element.id, formRef: element.formRef });
      }
      if (element.$type === 'bpmn:Process' && element.isExecutable && !element.versionTag) {
        report(file, element.id, 'executable process has no camunda:versionTag', 'version-tag');
      }
    });
  }
  return formRefs;
}

function walk(element, visit, seen = new Set()) {
  if (!element || typeof element !== 'object' || seen.has(element)) {
    return;
  }
  seen.add(element);
  if (element.$type) {
    visit(element);
  }
  for (const key of Object.keys(element)) {
    if (key.startsWith('$')) {
      continue;
    }
    const value = element[key];
    if (Array.isArray(value)) {
      value.forEach((child) => walk(child, visit, seen));
    } else if (value && typeof value === 'object' && value.$type && key !== 'sourceRef' && key !== 'targetRef'
        && key !== 'attachedToRef' && key !== 'default' && key !== 'bpmnElement') {
      walk(value, visit, seen);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- DMN

/** dmn-moddle 9 (the version dmnlint 0.2 is built on) still answers through a callback. */
function parseDmn(moddle, xml) {
  return new Promise((resolve, reject) => {
    moddle.fromXML(xml, 'dmn:Definitions', (error, rootElement, context) => {
      if (error) {
        reject(error);
      } else {
        resolve({ rootElement, warnings: (context && context.warnings) || [] });
      }
    });
  });
}

async function lintDmn(files) {
  const moddle = new DmnModdle();
  const linter = new DmnLinter({ config: { extends: 'dmnlint:recommended' }, resolver: new DmnNodeResolver({ require }) });

  for (const file of files) {
    let parsed;
    try {
      parsed = await parseDmn(moddle, await readFile(path.join(root, file), 'utf8'));
    } catch (error) {
      report(file, null, 'cannot parse: ' + error.message, 'parse');
      continue;
    }
    for (const warning of parsed.warnings) {
      report(file, warning.element && warning.element.id, 'import warning: ' + warning.message.split('\n')[0], 'parse');
    }
    const definitions = parsed.rootElement;
    collect(file, await linter.lint(definitions));

    // the engine refuses decisions without a history time to live; versionTag is house style
    const shapes = new Set(((definitions.dmnDI && definitions.dmnDI.diagrams) || [])
      .flatMap((diagram) => diagram.diagramElements || []).map((shape) => shape.dmnElementRef && shape.dmnElementRef.id));
    for (const decision of (definitions.drgElement || []).filter((e) => e.$type === 'dmn:Decision')) {
      const attrs = decision.$attrs || {};
      if (!attrs['camunda:historyTimeToLive']) {
        report(file, decision.id, 'decision has no camunda:historyTimeToLive', 'history-time-to-live');
      }
      if (!attrs['camunda:versionTag']) {
        report(file, decision.id, 'decision has no camunda:versionTag', 'version-tag');
      }
      if (!shapes.has(decision.id)) {
        report(file, decision.id, 'decision has no DMNDI shape', 'no-dmndi', 'warn');
      }
      const table = decision.decisionLogic;
      if (table && table.$type === 'dmn:DecisionTable') {
        const inputs = (table.input || []).length;
        const outputs = (table.output || []).length;
        for (const rule of table.rule || []) {
          if ((rule.inputEntry || []).length !== inputs || (rule.outputEntry || []).length !== outputs) {
            report(file, rule.id, `rule has ${(rule.inputEntry || []).length}/${(rule.outputEntry || []).length} entries for ${inputs} inputs and ${outputs} outputs`, 'rule-entries');
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------- forms

function components(list, out = []) {
  for (const component of list || []) {
    out.push(component);
    components(component.components, out);
  }
  return out;
}

async function lintForms(files) {
  const ids = new Set();
  for (const file of files) {
    const base = path.basename(file, '.form');
    let form;
    try {
      form = JSON.parse(await readFile(path.join(root, file), 'utf8'));
    } catch (error) {
      report(file, null, 'not valid JSON: ' + error.message, 'form-json');
      continue;
    }
    ids.add(form.id);
    if (form.id !== base) {
      report(file, form.id, `form id "${form.id}" differs from the file name "${base}"`, 'form-id');
    }
    if (!Number.isInteger(form.schemaVersion) || form.schemaVersion > MAX_FORM_SCHEMA_VERSION) {
      report(file, form.id, `schemaVersion ${form.schemaVersion} is not an integer <= ${MAX_FORM_SCHEMA_VERSION}`, 'form-schema-version');
    }
    const keys = new Map();
    for (const component of components(form.components)) {
      const element = component.id || component.key || component.type;
      if (component.key === undefined) {
        continue;
      }
      if (typeof component.label !== 'string' || component.label.trim() === '') {
        report(file, element, `field "${component.key}" has no label`, 'form-label');
      }
      if (keys.has(component.key)) {
        report(file, element, `key "${component.key}" is also used by ${keys.get(component.key)}`, 'form-duplicate-key');
      }
      keys.set(component.key, element);
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------- main

const bpmnFiles = await filesIn('processes', '.bpmn');
const dmnFiles = await filesIn('dmn', '.dmn');
const formFiles = await filesIn('forms', '.form');

const formRefs = await lintBpmn(bpmnFiles);
await lintDmn(dmnFiles);
const formIds = await lintForms(formFiles);

for (const { file, element, formRef } of formRefs) {
  if (!formIds.has(formRef)) {
    report(file, element, `camunda:formRef "${formRef}" names no form in forms/`, 'form-ref');
  }
}

for (const { file, element, message, rule, category } of problems) {
  const severity = category === 'error' ? '' : `, ${category}`;
  console.log(`${file}: ${element}: ${message} (${rule}${severity})`);
}
const errors = problems.filter((p) => p.category === 'error').length;
const files = bpmnFiles.length + dmnFiles.length + formFiles.length;
console.log(`lint: ${files} files (${bpmnFiles.length} bpmn, ${dmnFiles.length} dmn, ${formFiles.length} form), `
  + `${errors} errors, ${problems.length - errors} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
