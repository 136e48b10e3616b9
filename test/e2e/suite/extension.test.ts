// The extension inside a real VS Code: diagnostics, quick fixes, symbols,
// snippets, commands, the outline view, the status bar and the grammar.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkText, isStructural } from '../../../server/src/core';
import { CORPUS_ABSENT } from '../../helpers/corpus';
import { skipBecause } from '../../helpers/skip';
import { api, applyInPreview, codeOf, diagnosticsWhere, speechDiagnostics, waitFor, workspaceFile } from './util';

const STRUCTURE = ['numbering-sequence', 'numbering-style', 'numbering-hierarchy', 'outline-consistency', 'announced-count', 'heading-style', 'speech-structure'];

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

describe('Speech Draft in VS Code', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    // Every draft a test changed, not only the active editor (after the refactor preview that is the preview):
    // a draft left changed would be the next test's text, and the workbench check's after a reload.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates and gives .speech files the speech language', async () => {
    const editor = await open('gap.speech');
    assert.strictEqual(editor.document.languageId, 'speech');
    const a = await api();
    assert.ok(a.client.isRunning());
  });

  it('reports the numbering gap of a .speech draft where it is', async () => {
    const editor = await open('gap.speech');
    const diags = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'numbering diagnostics');
    const gapLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('三、'));
    const gap = diags.find((d) => codeOf(d) === 'numbering-sequence' && d.range.start.line === gapLine);
    assert.ok(gap, JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line])));
    assert.strictEqual(editor.document.getText(gap.range), '三、');
    assert.strictEqual(gap.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('applies a quick fix and sees its finding go', async () => {
    const editor = await open('draft.txt');
    const uri = editor.document.uri;
    const diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'punctuation-width'), 'punctuation diagnostics');
    const before = diags.filter((d) => codeOf(d) === 'punctuation-width').length;
    const target = diags.find((d) => codeOf(d) === 'punctuation-width')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range);
    const fix = actions.find((a) => a.isPreferred && a.edit)!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await diagnosticsWhere(uri, (d) => d.filter((x) => codeOf(x) === 'punctuation-width').length === before - 1, 'one fewer finding');
  });

  it('gives document symbols', async () => {
    const editor = await open('gap.speech');
    await diagnosticsWhere(editor.document.uri, (d) => d.length > 0, 'the server to have read the draft');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names = symbols.map((s) => s.name);
    assert.deepStrictEqual(names, ['【提纲】', '一、认清形势，坚定信心', '三、突出重点，狠抓落实', '二、强化保障，务求实效']);
    assert.deepStrictEqual(symbols[2].children.map((c) => c.name), ['第二，要管住野外火源', '第三，要抓好隐患整治']);
  });

  it('checks .txt drafts kept as drafts, and .md drafts once markdown is in speechDraft.languages', async () => {
    const txt = await open('draft.txt');
    assert.strictEqual(txt.document.languageId, 'speech', 'draft.txt is a draft by its files.associations entry');
    await diagnosticsWhere(txt.document.uri, (d) => d.length > 0, 'diagnostics on the .txt draft');
    const md = await open('draft.md');
    assert.strictEqual(md.document.languageId, 'markdown');
    assert.deepStrictEqual(speechDiagnostics(md.document.uri), [], 'markdown is not checked by default');
    const config = vscode.workspace.getConfiguration('speechDraft');
    try {
      await config.update('languages', ['speech', 'markdown'], vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(md.document.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics on the .md draft');
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('contributes the snippets, and the skeleton makes a draft with no structural finding', async () => {
    const ext = vscode.extensions.getExtension('speech-draft.speech-draft')!;
    const snippets = ext.packageJSON.contributes.snippets as Array<{ language: string }>;
    assert.deepStrictEqual(snippets.map((s) => s.language).sort(), ['markdown', 'plaintext', 'speech']);
    const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('speechDraft.insertTemplate', '讲话稿框架');
    assert.match(doc.getText(), /^【提纲】\n一、提高思想认识/);
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'placeholder'), 'the skeleton checked');
    assert.deepStrictEqual(diags.filter((d) => STRUCTURE.includes(codeOf(d))).map((d) => d.message), []);
  });

  it('renumbers the draft with the renumber command', async () => {
    const editor = await open('gap.speech');
    await diagnosticsWhere(editor.document.uri, (d) => d.length > 0, 'diagnostics');
    // Renumbering is shown in the refactor preview first, and applied there.
    const running = vscode.commands.executeCommand('speechDraft.renumber');
    await applyInPreview(() => editor.document.getText().includes('\n二、突出重点'), 'the renumbered text');
    await running;
    const text = editor.document.getText();
    assert.ok(text.includes('\n三、强化保障'));
    assert.ok(text.includes('\n第一，要管住野外火源'));
    await diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'numbering-sequence'), 'no numbering finding left');
  });

  it('writes the 【提纲】 from the body with the update-outline command', async () => {
    const editor = await open('draft.txt');
    const running = vscode.commands.executeCommand('speechDraft.updateOutline');
    await applyInPreview(() => editor.document.getText().startsWith('【提纲】'), 'the outline written');
    await running;
    const text = editor.document.getText();
    assert.ok(text.startsWith('【提纲】\n一、认清形势\n二、狠抓落实\n\n在全区'));
  });

  it('shows the outline and the statistics of the active draft', async () => {
    const a = await api();
    const editor = await open('draft.txt');
    await waitFor([a.headingTree.onDidRefresh], () => (a.headingTree.document === editor.document && a.headingTree.headings().length ? true : undefined), 'the outline');
    assert.deepStrictEqual(a.headingTree.headings().map((n) => n.marker + n.heading), ['一、认清形势', '二、狠抓落实']);
    assert.ok(a.headingTree.headings()[0].chars > 0);
    await a.statusBar.refresh();
    assert.ok(a.statusBar.last && a.statusBar.last.chars > 50);
    assert.match(a.statusBar.item.text, new RegExp(`${a.statusBar.last.chars}`));
    assert.strictEqual(a.headingTree.asText(), '一、认清形势\n二、狠抓落实');
  });

  it('moves a section down in the outline and renumbers the rest', async () => {
    const a = await api();
    const editor = await open('draft.txt');
    await waitFor([a.headingTree.onDidRefresh], () => (a.headingTree.document === editor.document && a.headingTree.headings().length === 2 ? true : undefined), 'the outline');
    await vscode.commands.executeCommand('speechDraft.moveSectionDown', a.headingTree.headings()[0]);
    const text = await waitFor([vscode.workspace.onDidChangeTextDocument], () => {
      const t = editor.document.getText();
      return /一、狠抓落实[\s\S]*二、认清形势/.test(t) ? t : undefined;
    }, 'the moved and renumbered sections');
    assert.ok(text.endsWith('同志们，森林防火责任重大！\n'));
  });

  it('moves sections up, down and by drag and drop through the server, keeping full-width digits', async () => {
    const a = await api();
    const editor = await open('fullwidth.speech');
    const doc = editor.document;
    const list = () => (a.headingTree.document === doc ? (a.headingTree.headings()[0]?.children ?? []) : []);
    const order = () => list().map((n) => n.marker + n.heading).join(' ');
    const until = async (text: string, outline: string, what: string) => {
      await waitFor([vscode.workspace.onDidChangeTextDocument], () => (doc.getText().includes(text) ? true : undefined), what);
      await waitFor([a.headingTree.onDidRefresh], () => (order() === outline ? true : undefined), `the outline after ${what}`);
    };
    await waitFor([a.headingTree.onDidRefresh], () => (list().length === 3 ? true : undefined), 'the outline');
    assert.strictEqual(order(), '１．稳增长 ２．促改革 ３．惠民生');

    await vscode.commands.executeCommand('speechDraft.moveSectionDown', list()[1]);
    await until('１．稳增长\n\n要稳住经济大盘。\n\n２．惠民生\n\n要办好民生实事。\n\n３．促改革\n\n要深化重点改革。\n\n同志们', '１．稳增长 ２．惠民生 ３．促改革', 'the move down');

    await vscode.commands.executeCommand('speechDraft.moveSectionUp', list()[1]);
    await until('１．惠民生\n\n要办好民生实事。\n\n２．稳增长', '１．惠民生 ２．稳增长 ３．促改革', 'the move up');

    // Dragging ３．促改革 onto １．惠民生, as the tree's drag and drop controller gets it from the workbench.
    const data = new vscode.DataTransfer();
    a.headingTree.handleDrag([list()[2]], data);
    await a.headingTree.handleDrop(list()[0], data);
    await until('１．促改革\n\n要深化重点改革。\n\n２．惠民生\n\n要办好民生实事。\n\n３．稳增长\n\n要稳住经济大盘。\n\n同志们，让我们共同努力！', '１．促改革 ２．惠民生 ３．稳增长', 'the drop');
    assert.ok(doc.getText().startsWith('关于推进重点工作的讲话\n\n同志们：\n\n一、总体要求\n\n１．促改革'));

    // One undo step per move.
    await vscode.commands.executeCommand('undo');
    await waitFor([vscode.workspace.onDidChangeTextDocument], () => (doc.getText().includes('１．惠民生\n\n要办好民生实事。\n\n２．稳增长') ? true : undefined), 'the undone drop');
  });

  it('exports the draft as a Word document into the workspace', async () => {
    const editor = await open('draft.txt');
    await diagnosticsWhere(editor.document.uri, (d) => d.length > 0, 'the draft checked');
    const target = workspaceFile('draft-export.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('speechDraft.exportDocx', { target, force: true });
    assert.strictEqual(written?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.ok(bytes.length > 5000);
    assert.strictEqual(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK', 'a .docx is a zip archive');
    await vscode.workspace.fs.delete(target);
  });

  it('colours each heading level with its own scope', async function () {
    // The command that reads tokens is in desktop VS Code (@vscode/test-electron) only, not in code-server's web build.
    if (!(await vscode.commands.getCommands(true)).includes('_workbench.captureSyntaxTokens')) {
      skipBecause(this, '_workbench.captureSyntaxTokens is not in this VS Code build (desktop VS Code has it, code-server does not)');
    }
    const editor = await open('gap.speech');
    type Token = { c: string; t: string };
    let tokens: Token[] | undefined;
    try {
      tokens = await vscode.commands.executeCommand<Token[]>('_workbench.captureSyntaxTokens', editor.document.uri);
    } catch {
      tokens = undefined;
    }
    assert.ok(tokens && tokens.length, 'syntax tokens');
    const scopeOf = (text: string) => tokens!.find((t) => t.c === text)?.t ?? '';
    assert.match(scopeOf('三、'), /markup\.heading\.1\.speech/);
    assert.match(scopeOf('突出重点，狠抓落实'), /entity\.name\.section\.1\.speech/);
    assert.match(scopeOf('同志们：'), /keyword\.other\.salutation\.speech/);
    assert.match(scopeOf('第二，'), /keyword\.control\.ordinal\.speech/);
    assert.match(scopeOf('【提纲】'), /keyword\.control\.outline\.speech/);
  });

  it('reports the model address findings when the corpus is present', async function () {
    const uri = workspaceFile('model-address.txt');
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      skipBecause(this, CORPUS_ABSENT);
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'web-residue'), 'model address diagnostics');
    const lines = (rule: string) => [...new Set(diags.filter((d) => codeOf(d) === rule).map((d) => d.range.start.line + 1))].sort((x, y) => x - y);
    assert.deepStrictEqual(lines('numbering-sequence'), [10, 13]);
    assert.deepStrictEqual(lines('web-residue'), [8, 17, 18]);
    assert.deepStrictEqual(lines('announced-count'), [14]);
    assert.ok(speechDiagnostics(uri).some((d) => codeOf(d) === 'outline-consistency' && d.range.start.line === 0));
    // Signal over noise: at most 40 diagnostics of any severity, and every structural finding the checker makes among them.
    const shown = speechDiagnostics(uri);
    assert.ok(shown.length <= 40, `${shown.length} diagnostics: ${shown.map(codeOf).join(' ')}`);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const structural = checkText(text).findings.filter((f) => isStructural(f.rule));
    assert.ok(structural.length >= 6, `${structural.length} structural findings`);
    const missing = structural.filter((f) => !shown.some((d) => codeOf(d) === f.rule && d.range.start.line === lineOf(f.span.start)));
    assert.deepStrictEqual(missing.map((f) => `${f.rule}@${lineOf(f.span.start) + 1}`), []);
  });
});
