// A Word document in the real VS Code: 讲稿助手：检查 Word 文档 on a .docx of
// the workspace opens the read-only view of its draft, checked as any draft
// (diagnostics, heading tree, status bar); from it, the findings go into an
// annotated copy and the text into a .speech file.

import * as assert from 'assert';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { PARAGRAPHS, SPEECH_DOCX_TEXT, speechDocx } from '../../helpers/speechDocx';
import { api, codeOf, diagnosticsWhere, EXTENSION_ID, waitFor, workspaceFile } from './util';

describe('Word documents', () => {
  const docx = workspaceFile('防汛讲话.docx');
  const copy = workspaceFile('防汛讲话.批注.docx');
  const text = workspaceFile('防汛讲话.speech');

  before(async () => {
    fs.writeFileSync(docx.fsPath, await speechDocx());
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of [docx, copy, text]) fs.rmSync(f.fsPath, { force: true });
  });

  it('is offered on a .docx in the explorer, and activates on that command only', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.ok((pkg.activationEvents as string[]).includes('onCommand:speechDraft.checkWordDocument'));
    assert.ok(!(pkg.activationEvents as string[]).some((e) => /docx/.test(e) && !e.startsWith('onCommand:')));
    const menu = pkg.contributes.menus['explorer/context'] as Array<{ command: string; when: string }>;
    assert.deepStrictEqual(
      menu.filter((m) => m.command === 'speechDraft.checkWordDocument').map((m) => m.when),
      ['resourceExtname == .docx'],
    );
  });

  it('opens the view of the draft with diagnostics, the heading tree and the status bar; writes an annotated copy and a .speech text', async () => {
    const a = await api();
    const before = fs.readFileSync(docx.fsPath);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('speechDraft.checkWordDocument', docx);
    assert.ok(doc, 'the view opened');
    assert.strictEqual(doc.uri.scheme, 'speechdraft-docx');
    assert.strictEqual(doc.languageId, 'speech');
    assert.strictEqual(doc.getText(), SPEECH_DOCX_TEXT);
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc);

    const k = PARAGRAPHS.findIndex((p) => p.shown.includes('×××'));
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'placeholder'), 'the view’s diagnostics');
    const placeholder = diags.find((d) => codeOf(d) === 'placeholder')!;
    assert.deepStrictEqual([placeholder.range.start.line, placeholder.range.start.character], [2 * k, PARAGRAPHS[k].shown.indexOf('×××')]);

    await waitFor([a.headingTree.onDidRefresh], () => (a.headingTree.document === doc && a.headingTree.nodes.length ? true : undefined), 'the heading tree of the view');
    assert.strictEqual(a.headingTree.asText(), '一、提高思想认识\n二、落实防汛责任\n\u3000\u3000（一）压实乡镇责任\n\u3000\u3000（二）备足防汛物资');
    await a.statusBar.refresh();
    assert.ok(a.statusBar.last && a.statusBar.last.chars > 100);

    const written = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.annotateWordDocument', { target: copy });
    assert.strictEqual(written?.toString(), copy.toString());
    const zip = await JSZip.loadAsync(fs.readFileSync(copy.fsPath));
    const comments = (await zip.file('word/comments.xml')!.async('string')).match(/<w:comment [^>]*w:author="讲稿助手"/g) ?? [];
    // A comment per finding as the editor shows them (four half-width marks of one paragraph are one).
    const now = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'speech-draft');
    assert.strictEqual(now.filter((d) => codeOf(d) === 'punctuation-width').length, 3, 'two marks, and four as one');
    assert.strictEqual(comments.length, now.length);
    assert.ok(fs.readFileSync(docx.fsPath).equals(before), 'the .docx is untouched');

    const saved = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.saveWordDocumentAsText', { target: text });
    assert.strictEqual(saved?.toString(), text.toString());
    assert.strictEqual(fs.readFileSync(text.fsPath, 'utf8'), SPEECH_DOCX_TEXT);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), text.toString());
    await diagnosticsWhere(text, (d) => d.some((x) => codeOf(x) === 'placeholder'), 'the .speech text checked');
  });
});
