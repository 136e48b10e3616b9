// The writer's day as a person sees it, in a VS Code running in Chinese: the
// view, status bar and quick fixes speak Chinese; a speech-like .txt asks once
// and opens as a draft, with word wrap and no unicode highlighting of its 　　
// indents and 〔〕 (a .log of the same line is highlighted, as VS Code does
// wherever it applies); a notice stays plain text, unchecked; a GB18030
// file says what it is; the export dialog's default (Enter) reviews the
// problems instead of exporting them; the 讲话提纲 view shows the lost
// section as a node; a placeholder accepted in the workspace stays quiet after
// the window reloads. Screenshots of each step go to test/e2e/screenshots/.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_TIMEOUT, openFile, runCommand } from './workbench.mjs';

const editorOf = (page) => page.locator('.editor-instance .monaco-editor').first();

async function waitForLine(page, text) {
  await editorOf(page).locator('.view-line', { hasText: text }).first().waitFor({ timeout: ACTION_TIMEOUT });
}

/** Opens a file of the workspace and waits for its line; once more if the first Ctrl+P went nowhere. */
async function openAt(page, name, line) {
  try {
    await openFile(page, name);
    await editorOf(page).locator('.view-line', { hasText: line }).first().waitFor({ timeout: 5000 });
  } catch {
    // After the export's review list Ctrl+P may go nowhere: the file's tab, where it has one, or the editor and Ctrl+P again.
    await page.keyboard.press('Escape');
    const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
    if (await tab.count()) await tab.click();
    else {
      await editorOf(page).locator('.view-lines').first().click();
      await openFile(page, name);
    }
    await waitForLine(page, line);
  }
}

/** A notification holding `text`; its button `button` clicked when given. */
async function notification(page, text, button) {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: ACTION_TIMEOUT });
  if (button) await toast.locator('.monaco-button', { hasText: button }).first().click();
  return toast;
}

/** View lines drawn for the lines numbered on screen: more lines than numbers when long lines wrap. */
async function wrapCounts(page) {
  return editorOf(page).evaluate((ed) => ({
    viewLines: ed.querySelectorAll('.view-lines .view-line').length,
    numbered: [...ed.querySelectorAll('.line-numbers')].filter((n) => n.textContent.trim() !== '').length,
  }));
}

const unicodeHighlights = (page) => editorOf(page).locator('.unicode-highlight').count();

/** The status-bar item that says whether the file is checked as a draft (its element's id ends with the item's). */
const draftItem = (page, text) => page.locator('.statusbar-item[id$="speechDraft.draft"]', { hasText: text }).first();

export async function lookAtTheWritersDay(page, shots, log, workspace) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });

  // Chinese: the outline view's title, the status bar, the quick-fix menu.
  await openFile(page, 'gap.speech');
  await waitForLine(page, '认清形势，坚定信心');
  await draftItem(page, /^\s*讲话稿\s*$/).waitFor({ timeout: ACTION_TIMEOUT });
  await page.locator('.statusbar-item', { hasText: /\d+ 字 · [\d.]+ 分钟/ }).first().waitFor({ timeout: ACTION_TIMEOUT });
  await runCommand(page, 'Focus on 讲话提纲 View');
  await page.locator('.pane-header', { hasText: '讲话提纲' }).first().waitFor({ timeout: ACTION_TIMEOUT });
  log('the outline view is titled 讲话提纲, the status bar reads 讲话稿 and 字 · 分钟');
  await editorOf(page).locator('.view-line', { hasText: /^三、突出重点/ }).first().click();
  await page.keyboard.press('Home');
  const menu = page.locator('.action-widget');
  // The menu comes only once the line's diagnostics have reached the editor: asked too early, it shows nothing; ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ timeout: attempt < 3 ? ACTION_TIMEOUT / 3 : ACTION_TIMEOUT });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  const titles = (await menu.locator('.action-label, .title').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  const english = titles.filter((t) => !/\p{Script=Han}/u.test(t));
  if (titles.length === 0 || english.length) throw new Error(`quick-fix titles not all Chinese: ${JSON.stringify(titles)}`);
  await page.screenshot({ path: join(shots, 'quick-fixes-zh.png') });
  await page.keyboard.press('Escape');
  log(`quick fixes in Chinese: ${titles.slice(0, 4).join(' | ')}`);

  // A notice .txt stays plain text, unchecked.
  await openFile(page, 'notice.txt');
  await waitForLine(page, '为切实做好今冬明春森林防火工作');
  await draftItem(page, '非讲话稿').waitFor({ timeout: ACTION_TIMEOUT });
  await page.screenshot({ path: join(shots, 'notice-plain-text.png') });
  log('notice.txt: plain text, not checked (the status bar says 非讲话稿)');

  // Where VS Code's unicode highlighting applies (a .log), the draft's 　 and 〔〕 are boxed.
  await openFile(page, 'indent.log');
  await waitForLine(page, '要按照区政办发');
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance .monaco-editor .unicode-highlight').length > 0, undefined, { timeout: ACTION_TIMEOUT });
  await page.screenshot({ path: join(shots, 'unicode-highlight-elsewhere.png') });
  log(`indent.log: ${await unicodeHighlights(page)} unicode highlights on the same 　 and 〔〕 a draft holds`);

  // A speech-like .txt asks once and opens as a draft: word wrap on, no unicode highlighting of 　　.
  await openFile(page, '讲话.txt');
  await waitForLine(page, '在全区冬季安全生产工作会议上的讲话');
  await draftItem(page, '非讲话稿').waitFor({ timeout: ACTION_TIMEOUT });
  await notification(page, '看起来是一篇讲话稿', '以讲话稿打开');
  await draftItem(page, /^\s*讲话稿\s*$/).waitFor({ timeout: ACTION_TIMEOUT });
  // Checked: its half-width comma underlined. The editor has drawn its decorations for the draft language by then.
  await editorOf(page).locator('.squiggly-warning').first().waitFor({ timeout: ACTION_TIMEOUT });
  const highlights = await unicodeHighlights(page);
  if (highlights) throw new Error(`${highlights} unicode highlights in the .txt draft`);
  const wrap = await wrapCounts(page);
  if (!(wrap.viewLines > wrap.numbered)) throw new Error(`no line wraps in the .txt draft: ${JSON.stringify(wrap)}`);
  const settings = join(workspace, '.vscode', 'settings.json');
  const kept = JSON.parse(readFileSync(settings, 'utf8'))['files.associations']?.['**/讲话.txt'];
  if (kept !== 'speech') throw new Error(`files.associations of the workspace holds ${JSON.stringify(kept)} for 讲话.txt`);
  await page.screenshot({ path: join(shots, 'txt-draft-word-wrap.png') });
  log(`讲话.txt opened as a draft after one question: ${wrap.viewLines} view lines for ${wrap.numbered} numbered, no unicode highlights; kept in ${settings}`);

  // A GB18030 file says what it is, and reopens in that encoding.
  await openFile(page, 'gbk.txt');
  await notification(page, 'GB18030', '以 GB18030 编码重新打开');
  await waitForLine(page, '关于做好防火工作的讲话');
  await page.screenshot({ path: join(shots, 'gb18030-reopened.png') });
  log('gbk.txt: told it is GB18030, reopened in that encoding');

  // The export dialog's default does not export: Enter opens the list of problems.
  await openFile(page, 'placeholders.speech');
  await waitForLine(page, '今年全县要完成农田水利投资');
  await runCommand(page, '讲稿助手: 导出为 Word');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: ACTION_TIMEOUT });
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  await page.screenshot({ path: join(shots, 'export-dialog.png') });
  await page.keyboard.press('Enter');
  const pick = page.locator('.quick-input-widget', { hasText: '付印前应解决的问题' });
  await pick.waitFor({ timeout: ACTION_TIMEOUT });
  await page.screenshot({ path: join(shots, 'export-review.png') });
  const rows = await pick.locator('.monaco-list-row').allInnerTexts();
  if (!rows.some((r) => r.includes('占位符'))) throw new Error(`the review lists ${JSON.stringify(rows)}`);
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor({ timeout: ACTION_TIMEOUT });
  if (existsSync(join(workspace, 'placeholders.docx'))) throw new Error('Enter in the export dialog exported the draft');
  log(`export dialog: Enter (on “${focused}”) listed ${rows.length} problems and exported nothing`);

  // The 讲话提纲 view shows the lost section as a node of its own, with the 【提纲】 and the opening (the closing is below the pane's fold; the suite checks it).
  await openAt(page, 'gap.speech', '认清形势，坚定信心');
  await runCommand(page, 'Focus on 讲话提纲 View');
  const sidebar = page.locator('.part.sidebar');
  for (const row of ['（缺少 二、）', '【提纲】', '开头']) await sidebar.locator('.monaco-list-row', { hasText: row }).first().waitFor({ timeout: ACTION_TIMEOUT });
  await page.screenshot({ path: join(shots, 'outline-gap-node.png') });
  log('the 讲话提纲 view shows （缺少 二、）, 【提纲】 and 开头');

  // A placeholder accepted in this workspace stays quiet after the window reloads.
  await acceptAndReload(page, shots, log, workspace);
}

/** The squiggles' tops and the top of the line holding `text`, in the editor shown. */
async function squigglesAndLine(page, text) {
  const line = await editorOf(page).locator('.view-line', { hasText: text }).first().boundingBox();
  const tops = await editorOf(page).locator('.squiggly-warning, .squiggly-error, .squiggly-info').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  return { line, onLine: tops.filter((top) => line && Math.abs(top - line.y) < line.height).length, all: tops.length };
}

async function acceptAndReload(page, shots, log, workspace) {
  const rc = join(workspace, '.speechdraftrc.json');
  await openAt(page, 'accept.speech', '请××同志牵头抓好落实');
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance .monaco-editor .squiggly-warning').length >= 2, undefined, { timeout: ACTION_TIMEOUT });
  await editorOf(page).locator('.view-line', { hasText: '请××同志' }).first().click();
  await page.keyboard.press('End');
  // The cursor on the placeholder: its quick fixes.
  const placeholderAt = await editorOf(page).locator('.view-line', { hasText: '请××同志' }).first().evaluate((el) => el.textContent.indexOf('××'));
  await page.keyboard.press('Home');
  for (let i = 0; i < placeholderAt + 1; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ timeout: ACTION_TIMEOUT });
  // The menu's rows animate in and never count as stable for a click: forced.
  await menu.locator('.monaco-list-row', { hasText: '在本工作区接受“××”' }).first().click({ force: true });
  const deadline = Date.now() + ACTION_TIMEOUT;
  while (!(existsSync(rc) && JSON.parse(readFileSync(rc, 'utf8')).accept?.includes('××'))) {
    if (Date.now() > deadline) throw new Error(`the accept list was not written to ${rc}`);
    await page.waitForTimeout(200);
  }
  const quiet = async (what) => {
    const end = Date.now() + ACTION_TIMEOUT;
    for (;;) {
      const s = await squigglesAndLine(page, '请××同志');
      // Still checked (the half-width comma of line 5 keeps its squiggle), the placeholder quiet.
      if (s.all >= 1 && s.onLine === 0) return s;
      if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(s)}`);
      await page.waitForTimeout(250);
    }
  };
  await quiet('the accepted placeholder is still underlined');
  await page.screenshot({ path: join(shots, 'accept-before-reload.png') });
  log(`accepted ××: written to ${rc}, the placeholder quiet`);

  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await openAt(page, 'accept.speech', '请××同志牵头抓好落实');
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance .monaco-editor .squiggly-warning').length >= 1, undefined, { timeout: 60000 });
  await quiet('after the reload, the accepted placeholder is underlined again');
  await page.screenshot({ path: join(shots, 'accept-after-reload.png') });
  log('after a window reload the accepted placeholder stays quiet');
  // The workbench checks that follow see the workspace as it was, from gap.speech (after the reload the first Ctrl+P may go nowhere).
  rmSync(rc, { force: true });
  await openAt(page, 'gap.speech', '认清形势，坚定信心');
}
