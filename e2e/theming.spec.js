// Theming: custom properties and Designsystemet tokens, light/dark/auto
// following the host page, ::part() styling, and the tags/storyteller
// filters. Screenshot checks prove a theme changes what it should and
// nothing else; contrast and axe hold in the dark theme too.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, widgetPage, pauseClock } from './support/test.js';
import { expectReadableControls, expectReadableTextOverPictures } from './support/contrast.js';

/** The computed look of the widget's main pieces. */
async function look(widget) {
  await widget.waitForStories();
  const read = (locator, names) =>
    locator.evaluate((el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el)[n]])), names);
  return {
    frame: await read(widget.host.locator('.saman'), ['backgroundColor', 'borderTopColor', 'borderTopLeftRadius', 'color']),
    button: await read(widget.rotationButton, ['backgroundColor', 'color']),
    title: await read(widget.title, ['color', 'fontFamily', 'fontSize', 'textDecorationLine']),
    date: await read(widget.slide.locator('.saman-date'), ['color']),
    height: Math.round((await widget.host.boundingBox()).height),
  };
}

const open = async (page, widget, params) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
  return look(widget);
};

test('--saman-* properties change the accent and the radius, and nothing else', async ({ page, widget }) => {
  const plain = await open(page, widget, {});
  const themed = await open(page, widget, { pagecss: 'saman-stories { --saman-accent: #8a1538; --saman-radius: 0 }' });
  expect(themed.button.backgroundColor).toBe('rgb(138, 21, 56)');
  expect(themed.frame.borderTopLeftRadius).toBe('0px');
  expect({ ...themed, button: plain.button, frame: { ...themed.frame, borderTopLeftRadius: plain.frame.borderTopLeftRadius } }).toEqual(plain);
});

test('a theme changes pixels only where the accent is', async ({ page, widget }) => {
  await page.setViewportSize({ width: 500, height: 900 });
  await page.goto(widgetPage({ feed: 'single.json', lang: 'en' }));
  await widget.waitForStories();
  const before = await widget.host.screenshot({ animations: 'disabled' });
  await page.addStyleTag({ content: 'saman-stories { --saman-accent: #8a1538 }' });
  // single.json has nothing to rotate: no accent-coloured controls, no change.
  expect(await widget.host.screenshot({ animations: 'disabled' })).toEqual(before);
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  await widget.rotationButton.click(); // stopped: no slide change between shots
  const slide = await widget.slides.screenshot({ animations: 'disabled' });
  const controls = await widget.host.locator('.saman-controls').screenshot({ animations: 'disabled' });
  await page.addStyleTag({ content: 'saman-stories { --saman-accent: #8a1538 }' });
  expect(await widget.slides.screenshot({ animations: 'disabled' })).toEqual(slide);
  expect(await widget.host.locator('.saman-controls').screenshot({ animations: 'disabled' })).not.toEqual(controls);
});

test('Designsystemet tokens on the page are picked up, and --saman-* wins over them', async ({ page, widget }) => {
  const tokens =
    ':root { --ds-color-accent-base-default: #1e6b52; --ds-color-accent-base-contrast-default: #ffffff; ' +
    '--ds-border-radius-md: 12px; --ds-font-family: Georgia, serif; --ds-color-neutral-text-default: #202020 }';
  const ds = await open(page, widget, { pagecss: tokens });
  expect(ds.button.backgroundColor).toBe('rgb(30, 107, 82)');
  expect(ds.frame.borderTopLeftRadius).toBe('12px');
  expect(ds.title.fontFamily).toBe('Georgia, serif');
  expect(ds.title.color).toBe('rgb(32, 32, 32)');
  const both = await open(page, widget, { pagecss: `${tokens} saman-stories { --saman-accent: #8a1538 }` });
  expect(both.button.backgroundColor).toBe('rgb(138, 21, 56)');
});

test.describe('colour scheme', () => {
  const DARK_SURFACE = 'rgb(28, 31, 35)';
  const LIGHT_SURFACE = 'rgb(255, 255, 255)';

  for (const [what, params, media, surface] of [
    ['a page that declares nothing stays light, even on a dark system', {}, 'dark', LIGHT_SURFACE],
    ['data-color-scheme="dark" on the page gives dark', { pagescheme: 'dark' }, 'light', DARK_SURFACE],
    ['CSS color-scheme: dark on the page gives dark', { pagecss: ':root { color-scheme: dark }' }, 'light', DARK_SURFACE],
    ['color-scheme: light dark follows the system', { pagecss: ':root { color-scheme: light dark }' }, 'dark', DARK_SURFACE],
    ['the attribute auto follows the system', { 'color-scheme': 'auto' }, 'dark', DARK_SURFACE],
    ['the attribute light wins over a dark page', { pagescheme: 'dark', 'color-scheme': 'light' }, 'dark', LIGHT_SURFACE],
  ]) {
    test(what, async ({ page, widget }) => {
      await page.emulateMedia({ colorScheme: media });
      const seen = await open(page, widget, params);
      expect(seen.frame.backgroundColor).toBe(surface);
    });
  }

  test('a page that switches theme after load takes the widget along', async ({ page, widget }) => {
    const surface = () => widget.host.locator('.saman').evaluate((el) => getComputedStyle(el).backgroundColor);
    await pauseClock(page); // no rotation: the slide must stay the same
    await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en', pagescheme: 'light', pagecss: '.night { color-scheme: dark }' }));
    await widget.waitForStories();
    expect(await surface()).toBe(LIGHT_SURFACE);
    // Designsystemet's attribute, on <html>.
    await page.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
    await expect.poll(surface).toBe(DARK_SURFACE);
    await page.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'light'));
    await expect.poll(surface).toBe(LIGHT_SURFACE);
    // A class on <body> that sets CSS color-scheme.
    await page.evaluate(() => {
      document.documentElement.removeAttribute('data-color-scheme');
      document.body.classList.add('night');
    });
    await expect.poll(surface).toBe(DARK_SURFACE);
    // The same stories and slide: only the look changed.
    await expect(widget.position).toHaveText(/^1 of /);
  });

  test('the dark theme keeps text 4.5:1 over bright and dark pictures', async ({ page, widget }) => {
    await page.goto(widgetPage({ feed: 'contrast.json', lang: 'en', 'color-scheme': 'dark' }));
    await widget.waitForStories();
    await expectReadableTextOverPictures(page, widget);
  });

  test('the dark theme keeps controls and focus 3:1, and axe finds nothing', async ({ page, widget }) => {
    await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nb', pagescheme: 'dark', pagecss: 'body { background: #111; color: #eee }' }));
    await widget.waitForStories();
    await expectReadableControls(page, widget);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .include('saman-stories')
      .analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

test('::part() reaches the named pieces and nothing else', async ({ page, widget }) => {
  const plain = await open(page, widget, {});
  const styled = await open(page, widget, { pagecss: 'saman-stories::part(title) { text-decoration: overline }' });
  expect(styled.title.textDecorationLine).toBe('overline');
  expect({ ...styled, title: plain.title }).toEqual(plain);
  const parts = await widget.host.evaluate((el) =>
    [...new Set([...el.shadowRoot.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part').split(' ')))].sort(),
  );
  expect(parts).toEqual(
    expect.arrayContaining(['root', 'controls', 'button', 'rotation-button', 'previous-button', 'next-button', 'position', 'slides', 'slide', 'media', 'image', 'caption', 'title', 'summary', 'date', 'link', 'footer', 'layout-switch']),
  );
});

test.describe('filters', () => {
  for (const [params, titles] of [
    [{ tags: 'helse,skule' }, ['Helse told by a resident', 'Skule told by an employee']],
    [{ tags: 'BARN' }, ['Skule told by an employee']],
    [{ storyteller: 'resident' }, ['Helse told by a resident', 'Kultur told by a resident']],
    [{ tags: 'kultur', storyteller: 'resident' }, ['Kultur told by a resident']],
  ]) {
    test(`${JSON.stringify(params)} narrows the view`, async ({ page, widget }) => {
      await page.goto(widgetPage({ feed: 'tagged.json', lang: 'en', ...params }));
      await widget.waitForStories();
      const { titles: seen } = await widget.visitEverySlide();
      expect(seen).toEqual(titles);
    });
  }

  test('each slide says whose story it is, by kind and by name', async ({ page, widget }) => {
    await page.goto(widgetPage({ feed: 'tagged.json', lang: 'en' }));
    await widget.waitForStories();
    const bylines = [];
    for (let i = 0; i < 3; i++) {
      bylines.push(await widget.slide.locator('[part=byline]').textContent());
      await widget.nextButton.click();
    }
    expect(bylines).toEqual(['A resident tells', 'Told by Kari Nordmann, teacher (employee)', 'A resident tells']);
    await page.goto(widgetPage({ feed: 'tagged.json', lang: 'nn', layout: 'list' }));
    await expect(widget.list.locator('[part=byline]')).toHaveText([
      'Ein innbyggjar fortel',
      'Fortalt av Kari Nordmann, teacher (tilsett)',
      'Ein innbyggjar fortel',
    ]);
  });

  test('a filter that matches nothing shows the empty state', async ({ page, widget }) => {
    await page.goto(widgetPage({ feed: 'tagged.json', lang: 'en', tags: 'idrett' }));
    await expect(widget.status).toHaveText('No stories to show right now.');
  });
});
