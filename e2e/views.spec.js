// Views: a story outside the chosen view exists nowhere in the widget's DOM,
// not in text, not in attributes, not in labels.
import { test, expect, widgetPage } from './support/test.js';

const RESIDENT_TITLES = [
  'Resident story one',
  'Shared story for everyone',
  'Resident story two <img src=x onerror=alert(1)>',
  'Story without an audience counts as all',
];
const COLLEAGUE_TITLES = [
  'Internal colleague story one',
  'Shared story for everyone',
  'Internal colleague story two',
  'Story without an audience counts as all',
];
// Every string that belongs only to colleagues-only stories in mixed.json.
const COLLEAGUE_ONLY = ['Internal colleague', 'SECRET', 'col-1', 'col-2'];
const RESIDENT_ONLY = ['Resident story', 'Resident picture', 'res-1', 'res-2'];

for (const form of ['script', 'element']) {
  test(`residents view (${form} form) never puts a colleagues story in the DOM`, async ({ page, widget }) => {
    await page.goto(widgetPage({ form, feed: 'mixed.json', audience: 'residents', lang: 'en' }));
    await widget.waitForStories();
    const { titles, markup } = await widget.visitEverySlide();
    expect(titles).toEqual(RESIDENT_TITLES);
    for (const html of markup) for (const secret of COLLEAGUE_ONLY) expect(html).not.toContain(secret);
  });
}

test('colleagues view never puts a residents-only story in the DOM', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'colleagues', lang: 'en' }));
  await widget.waitForStories();
  const { titles, markup } = await widget.visitEverySlide();
  expect(titles).toEqual(COLLEAGUE_TITLES);
  for (const html of markup) for (const secret of RESIDENT_ONLY) expect(html).not.toContain(secret);
});

test('the all view shows every story', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'en' }));
  await widget.waitForStories();
  const { titles } = await widget.visitEverySlide();
  expect(titles).toHaveLength(6);
  expect(new Set(titles)).toEqual(new Set([...RESIDENT_TITLES, ...COLLEAGUE_TITLES]));
});

test('the default view is residents', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  const { titles } = await widget.visitEverySlide();
  expect(titles).toEqual(RESIDENT_TITLES);
});

test('an unknown audience falls back to residents and says so in the console', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'intern', lang: 'en' }));
  await widget.waitForStories();
  const { titles } = await widget.visitEverySlide();
  expect(titles).toEqual(RESIDENT_TITLES);
  expect(consoleMessages).toContainEqual({
    type: 'warning',
    text: 'saman-stories: audience="intern" is not residents, colleagues or all; showing the residents view',
  });
});

test('a residents view of a colleagues-only feed is empty, with no trace of the stories', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'colleagues-only.json', lang: 'en' }));
  await expect(widget.status).toHaveText('No stories to show right now.');
  expect(await widget.shadowHtml()).not.toContain('SECRET');
});
