// Drafts of every kind, in a real VS Code running in Chinese: the draft
// language's editor defaults, .txt files kept as drafts or not (files.associations),
// the status-bar switch, speechDraft.ignore, the workspace check, a GB18030
// file, going from placeholder to placeholder, and the UI text in Chinese.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { StatsRequest } from '../../../server/src/protocol';
import { api, codeOf, diagnosticsWhere, speechDiagnostics, waitFor, workspaceFile } from './util';

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Waits until the document with this URI is open in the given language (a language switch reopens it). */
function inLanguage(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return waitFor(
    [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    `${uri.path} in ${languageId}`,
  );
}

describe('Drafts of every kind', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs VS Code in Chinese: the extension speaks zh-cn', async () => {
    assert.strictEqual(vscode.env.language, 'zh-cn');
    const ext = vscode.extensions.getExtension('speech-draft.speech-draft')!;
    const contributes = ext.packageJSON.contributes;
    assert.strictEqual(contributes.views.speechDraft[0].name, '讲话提纲');
    // A localized title comes as { value, original }.
    const titleOf = (t: string | { value: string }) => (typeof t === 'string' ? t : t.value);
    const titles = (contributes.commands as Array<{ command: string; title: string | { value: string } }>).map((c) => [c.command, titleOf(c.title)]);
    assert.deepStrictEqual(
      titles.filter(([id]) => ['speechDraft.fixAll', 'speechDraft.nextPlaceholder', 'speechDraft.previousPlaceholder', 'speechDraft.checkWorkspace'].includes(id)),
      [
        ['speechDraft.fixAll', '修复全部安全问题'],
        ['speechDraft.checkWorkspace', '检查整个工作区'],
        ['speechDraft.nextPlaceholder', '转到下一个占位符'],
        ['speechDraft.previousPlaceholder', '转到上一个占位符'],
      ],
    );
    const editor = await open('gap.speech');
    const diags = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics');
    assert.ok(diags.every((d) => hasHan(d.message)), diags.map((d) => d.message).join(' | '));
    const gap = diags.find((d) => codeOf(d) === 'numbering-sequence')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gap.range);
    assert.ok(actions.length > 0);
    assert.deepStrictEqual(actions.filter((a) => !hasHan(a.title)).map((a) => a.title), [], 'every quick-fix title is Chinese');
    const a = await api();
    await waitFor([vscode.languages.onDidChangeDiagnostics], () => (a.statusBar.item.text.includes('字') ? true : undefined), 'the status bar');
    assert.match(a.statusBar.item.text, /\d+ 字 · [\d.]+ 分钟/);
    assert.strictEqual(a.draftStatus.item.text, '$(pass-filled) 讲话稿');
  });

  it('gives a draft word wrap, no unicode highlighting of 　（×, and auto-closing of （“《【', async () => {
    const editor = await open('draft.txt');
    assert.strictEqual(editor.document.languageId, 'speech', 'draft.txt is kept as a draft in files.associations');
    const config = vscode.workspace.getConfiguration('editor', editor.document);
    assert.strictEqual(config.get('wordWrap'), 'on');
    assert.strictEqual(config.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.deepStrictEqual(config.get('unicodeHighlight.allowedCharacters'), { '\u3000': true });
    // A plain-text file keeps VS Code's defaults.
    const notice = await open('notice.txt');
    assert.strictEqual(notice.document.languageId, 'plaintext');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', notice.document).get('wordWrap'), 'off');
    // Typing an opening mark before Chinese punctuation closes it.
    const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '。' });
    await vscode.window.showTextDocument(doc);
    for (const [open, close] of [['（', '）'], ['“', '”'], ['《', '》'], ['【', '】']]) {
      await vscode.commands.executeCommand('type', { text: open });
      assert.ok(doc.getText().includes(open + close), `${open} closes: ${doc.getText()}`);
      await vscode.commands.executeCommand('deleteRight');
      await vscode.commands.executeCommand('deleteLeft');
    }
    assert.strictEqual(doc.getText(), '。');
  });

  it('does not check a notice .txt, and the status bar switches it to a draft and back', async () => {
    const a = await api();
    // A draft first, so that the server is up and has read what is open.
    const draft = await open('gap.speech');
    await diagnosticsWhere(draft.document.uri, (d) => d.length > 0, 'the server up');
    const editor = await open('notice.txt');
    const uri = editor.document.uri;
    assert.strictEqual(editor.document.languageId, 'plaintext');
    await waitFor([vscode.window.onDidChangeActiveTextEditor], () => (a.draftStatus.item.text.includes('非讲话稿') ? true : undefined), 'the status bar');
    assert.strictEqual(await a.server.sendRequest(StatsRequest, { textDocument: { uri: uri.toString() } }), null, 'the server does not check it');
    assert.deepStrictEqual(speechDiagnostics(uri), []);
    const files = vscode.workspace.getConfiguration('files');
    try {
      await vscode.commands.executeCommand('speechDraft.toggleDraft');
      const asDraft = await inLanguage(uri, 'speech');
      await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'the notice checked as a draft');
      assert.strictEqual(files.inspect<Record<string, string>>('associations')?.workspaceValue?.['**/notice.txt'], 'speech');
      assert.strictEqual(a.draftStatus.item.text, '$(pass-filled) 讲话稿');
      await vscode.window.showTextDocument(asDraft);
      await vscode.commands.executeCommand('speechDraft.toggleDraft');
      await inLanguage(uri, 'plaintext');
      await diagnosticsWhere(uri, (d) => d.length === 0, 'its findings gone');
      assert.strictEqual(vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')?.workspaceValue?.['**/notice.txt'], 'plaintext');
    } finally {
      const kept = { ...(vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')?.workspaceValue ?? {}) };
      delete kept['**/notice.txt'];
      await vscode.workspace.getConfiguration('files').update('associations', kept, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('leaves out what speechDraft.ignore matches, and says so in the status bar', async () => {
    const a = await api();
    const editor = await open('gap.speech');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics');
    const config = vscode.workspace.getConfiguration('speechDraft');
    try {
      await config.update('ignore', ['gap.*'], vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, (d) => d.length === 0, 'no findings on the ignored draft');
      await waitFor([vscode.workspace.onDidChangeConfiguration], () => (a.draftStatus.item.text.includes('不检查') ? true : undefined), 'the status bar');
      assert.match(String(a.draftStatus.item.tooltip), /gap\.\*/);
    } finally {
      await config.update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'checked again');
  });

  it('checks the whole workspace: drafts that are not open get their findings, the notice none', async () => {
    const result = await vscode.commands.executeCommand<{ checked: number; findings: number }>('speechDraft.checkWorkspace');
    assert.ok(result && result.checked >= 4, JSON.stringify(result));
    const gap = workspaceFile('gap.speech');
    assert.ok(speechDiagnostics(gap).some((d) => codeOf(d) === 'numbering-sequence' && d.range.start.line === 12), 'the gap of gap.speech, not open');
    assert.ok(speechDiagnostics(workspaceFile('讲话.txt')).length > 0, 'a speech-like .txt is a draft');
    assert.deepStrictEqual(speechDiagnostics(workspaceFile('notice.txt')), []);
    assert.deepStrictEqual(speechDiagnostics(workspaceFile('gbk.txt')), [], 'not UTF-8: skipped');
    // Opened, a draft's findings are its own checks' (pulled), not shown twice.
    const editor = await open('gap.speech');
    await diagnosticsWhere(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'numbering-sequence' && x.range.start.line === 12).length === 1, 'one finding per place');
  });

  it('tells a GB18030 file from mojibake, and reopens it in that encoding', async () => {
    const a = await api();
    const gbk = await open('gbk.txt');
    assert.ok(gbk.document.getText().includes('\ufffd'), 'VS Code read it as UTF-8');
    assert.strictEqual(await a.encoding.misread(gbk.document), true);
    // Its lookalike: a UTF-8 file that holds U+FFFD itself.
    const utf8 = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '讲话\ufffd' });
    assert.strictEqual(await a.encoding.misread(utf8), false);
    const reopened = await a.encoding.reopen(gbk.document);
    assert.strictEqual(reopened.getText(), '关于做好防火工作的讲话\n\n同志们：\n');
  });

  it('goes to the next and the previous placeholder in turn, wrapping at the ends', async () => {
    const editor = await open('placeholders.speech');
    const doc = editor.document;
    await diagnosticsWhere(doc.uri, (d) => d.filter((x) => codeOf(x) === 'placeholder').length === 3, 'three placeholders');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const visited: string[] = [];
    for (let i = 0; i < 4; i++) {
      await vscode.commands.executeCommand('speechDraft.nextPlaceholder');
      visited.push(doc.getText(editor.selection));
    }
    assert.deepStrictEqual(visited, ['××', '某某', 'XX', '××']);
    const back: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('speechDraft.previousPlaceholder');
      back.push(doc.getText(editor.selection));
    }
    assert.deepStrictEqual(back, ['XX', '某某', '××']);
    assert.strictEqual(editor.selection.start.line, 0);
  });

  it('fixes every safe problem from the palette (修复全部安全问题): only the half-width marks change', async () => {
    // A copy of draft.txt: an edit the server applies may be saved (VS Code saves what a refactoring touched), and other tests read draft.txt.
    const file = workspaceFile('fix-all.speech');
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(workspaceFile('draft.txt')));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.filter((x) => codeOf(x) === 'punctuation-width').length === 2, 'the two half-width marks');
    const before = doc.getText();
    await vscode.commands.executeCommand('speechDraft.fixAll');
    const after = await waitFor([vscode.workspace.onDidChangeTextDocument], () => (doc.getText() !== before ? doc.getText() : undefined), 'the fixed draft');
    // Full-width for half-width, one code unit each: every change is a mark, nothing else moved.
    assert.strictEqual(after.length, before.length);
    const changed = [...before].map((c, i) => [c, after[i]]).filter(([x, y]) => x !== y);
    assert.deepStrictEqual(changed, [[':', '：'], [',', '，']]);
    // Rechecked after the edit: the marks' findings go (the draft may have none left at all).
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => codeOf(x) === 'punctuation-width'), 'no half-width mark left');
  });

  it('opens a finding’s rule page inside VS Code, from the shipped markdown', async () => {
    const editor = await open('gap.speech');
    const diags = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'diagnostics');
    const code = diags.find((d) => codeOf(d) === 'numbering-sequence')!.code as { value: string; target: vscode.Uri };
    // The code links the command, not the website (other editors keep the https link the server sends).
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'speechDraft.openRuleDocs');
    await vscode.commands.executeCommand(code.target.path, ...JSON.parse(decodeURIComponent(code.target.query)));
    const tab = await waitFor(
      [vscode.window.tabGroups.onDidChangeTabs],
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('numbering-sequence.md')),
      'the rule page in the preview',
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview && /markdown/i.test(tab.input.viewType), `${tab.label}: ${JSON.stringify(tab.input)}`);
  });
});
