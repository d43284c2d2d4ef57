// axe-core reports zero violations (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on the
// demo page and in the widget's states.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, widgetPage } from './support/test.js';
import { StoryWidget } from './support/story-widget.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the demo page has no axe violations, rotating and after Next', async ({ page }) => {
  await page.goto('/demo/');
  await StoryWidget.nth(page, 0).waitForStories();
  await StoryWidget.nth(page, 1).waitForStories();
  expect(await violations(page)).toEqual([]);
  await StoryWidget.nth(page, 0).nextButton.click();
  expect(await violations(page)).toEqual([]);
});

for (const [state, params] of [
  ['error state', { feed: 'status/404' }],
  ['empty state', { feed: 'empty.json' }],
  ['single story', { feed: 'single.json' }],
]) {
  test(`no axe violations in the ${state}`, async ({ page, widget }) => {
    await page.goto(widgetPage({ lang: 'nb', ...params }));
    await expect(widget.host.locator('.saman-status, .saman-slide')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('no axe violations at 320 px', async ({ page, widget }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nn' }));
  await widget.waitForStories();
  expect(await violations(page)).toEqual([]);
});
