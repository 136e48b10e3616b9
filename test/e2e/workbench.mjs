// The workbench as a person sees it: the outline view lists the headings of
// the open draft in order, a squiggle sits on the numbering error, the status
// bar shows the character count, dragging a section in the outline moves it. Screenshots go to test/e2e/screenshots/.

import { join } from 'node:path';

export const ACTION_TIMEOUT = 30000;

export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: ACTION_TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: ACTION_TIMEOUT });
  await page.keyboard.press('Enter');
}

export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: ACTION_TIMEOUT });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: ACTION_TIMEOUT });
  await page.keyboard.press('Enter');
}

/**
 * The fonts Chromium drew the first editor text run holding Han characters
 * with (CDP CSS.getPlatformFontsForNode: what was rendered, not what CSS asked for).
 */
async function fontsOfHanText(page) {
  const marked = await page.evaluate(() => {
    const leaf = [...document.querySelectorAll('.editor-instance .view-line span')].find(
      (e) => e.childElementCount === 0 && /\p{Script=Han}/u.test(e.textContent ?? ''),
    );
    leaf?.setAttribute('data-e2e-han', '');
    return leaf?.textContent;
  });
  if (!marked) throw new Error('no Han text in the editor');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-e2e-han]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return { text: marked, fonts };
  } finally {
    await cdp.detach();
  }
}

export async function lookAtWorkbench(page, shots, log) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view, .welcome-view-content, .part.sidebar').first().waitFor({ timeout: 60000 });
  await openFile(page, 'gap.speech');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: '认清形势，坚定信心' }).first().waitFor({ timeout: ACTION_TIMEOUT });

  // A squiggle on the line of 三、 (the gap after 一、).
  const gapLine = editor.locator('.view-line', { hasText: /^三、突出重点/ }).first();
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: ACTION_TIMEOUT });
  const lineBox = await gapLine.boundingBox();
  const squiggles = await editor.locator('.squiggly-warning').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  if (!lineBox || !squiggles.some((top) => Math.abs(top - lineBox.y) < lineBox.height)) {
    throw new Error(`no squiggle on the line of 三、 (line top ${lineBox?.y}, squiggles at ${squiggles.join(', ')})`);
  }
  log('squiggle present on the numbering error');

  // Chinese is drawn with a CJK font (fonts-noto-cjk), not as boxes.
  const { text, fonts } = await fontsOfHanText(page);
  const used = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
  if (!used.some((f) => /CJK|Han|Hei|Song|Ming|Kai|WenQuanYi|Droid Sans Fallback/i.test(f))) {
    throw new Error(`"${text}" is drawn with ${JSON.stringify(used)}, no CJK font: install fonts-noto-cjk`);
  }
  log(`Chinese text drawn with ${used.join(', ')}`);

  // The status bar shows the character count.
  const status = page.locator('.statusbar-item', { hasText: /\d+ 字/ }).first();
  await status.waitFor({ timeout: ACTION_TIMEOUT });
  log(`status bar: ${(await status.innerText()).replace(/\s+/g, ' ')}`);

  // The outline view lists the headings in order. It holds the 【提纲】, opening and gap nodes too: the
  // Explorer's folder pane is folded so that the headings fit above the fold.
  await runCommand(page, 'Focus on 讲话提纲 View');
  const folderPane = page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: 'workspace' }).first();
  if (await folderPane.count()) await folderPane.click();
  const rows = page.locator('.pane-body .monaco-list-row .label-name');
  await page.locator('.monaco-list-row', { hasText: '认清形势，坚定信心' }).first().waitFor({ timeout: ACTION_TIMEOUT });
  const labels = (await rows.allInnerTexts()).filter((t) => /^[一二三四五六七八九十]、|^第/.test(t));
  const expected = ['一、认清形势，坚定信心', '三、突出重点，狠抓落实', '第二，要管住野外火源', '第三，要抓好隐患整治', '二、强化保障，务求实效'];
  if (JSON.stringify(labels.slice(0, expected.length)) !== JSON.stringify(expected)) {
    throw new Error(`outline view shows ${JSON.stringify(labels)}`);
  }
  log('outline view lists the headings in order');
  const sidebar = page.locator('.part.sidebar');
  await sidebar.screenshot({ path: join(shots, 'outline-view.png') });

  // The editor with the Problems panel open.
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'numbering-sequence' }).first().waitFor({ timeout: ACTION_TIMEOUT });
  await page.screenshot({ path: join(shots, 'editor-problems.png') });

  // Dragging a section in the outline view moves it: the server makes the edit, the numbers follow.
  await runCommand(page, 'Focus on 讲话提纲 View');
  const outlineRow = (text) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
  await outlineRow('二、强化保障，务求实效').dragTo(outlineRow('一、认清形势，坚定信心'));
  const expectedMoved = ['一、强化保障，务求实效', '二、认清形势，坚定信心', '三、突出重点，狠抓落实', '第二，要管住野外火源', '第三，要抓好隐患整治'];
  const outlineLabels = async () =>
    (await sidebar.locator('.monaco-list-row .label-name').allInnerTexts()).filter((t) => /^[一二三四五六七八九十]、|^第/.test(t)).slice(0, expectedMoved.length);
  const shown = (expected) => {
    const labels = [...document.querySelectorAll('.part.sidebar .monaco-list-row .label-name')].map((e) => e.textContent ?? '');
    const headings = labels.filter((t) => /^[一二三四五六七八九十]、|^第/.test(t)).slice(0, expected.length);
    return JSON.stringify(headings) === JSON.stringify(expected);
  };
  await page.waitForFunction(shown, expectedMoved, { timeout: ACTION_TIMEOUT }).catch(async () => {
    throw new Error(`after the drag the outline view shows ${JSON.stringify(await outlineLabels())}`);
  });
  await editor.locator('.view-line', { hasText: /^一、强化保障，务求实效/ }).first().waitFor({ timeout: ACTION_TIMEOUT });
  await sidebar.screenshot({ path: join(shots, 'outline-after-drag.png') });
  log('dragging a section in the outline view moved it and renumbered the list');
  log(`screenshots in ${shots}`);
}
