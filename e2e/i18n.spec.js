// The UI language: the lang attribute, else the page's <html lang>, else bokmål.
import { test, expect, widgetPage } from './support/test.js';

for (const [pagelang, lang, expected] of [
  ['en', null, 'Stories for residents'],
  ['nn-NO', null, 'Historier for innbyggjarar'],
  ['de', null, 'Historier for innbyggere'],
  ['nn', 'en', 'Stories for residents'],
]) {
  test(`page lang ${pagelang}, attribute ${lang ?? 'none'}: ${expected}`, async ({ page, widget }) => {
    const params = { feed: 'mixed.json', pagelang };
    if (lang) params.lang = lang;
    await page.goto(widgetPage(params));
    await widget.waitForStories();
    await expect(widget.region).toHaveAttribute('aria-label', expected);
  });
}

test('the widget root carries the UI language; a story in another language carries its own', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  await expect(widget.host.locator('.saman')).toHaveAttribute('lang', 'en');
  await widget.nextButton.click();
  await expect(widget.slide).toHaveAttribute('lang', 'nn');
});
