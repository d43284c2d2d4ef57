// configure.html, the configurator page, served from the widget's origin
// next to the widget's files: its report is what `saman-feed check` prints,
// its preview is the real widget with the settings, the code it copies
// renders the same widget on a fresh page (under the CSP it gives), the
// settings live in its address, a feed it cannot read gets one sentence,
// and the page itself is axe clean, keyboard-only and 320 px wide.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/test.js';
import { Configurator, FRAMES } from './support/configurator.js';
import { StoryWidget } from './support/story-widget.js';
import { PAGE, WIDGET, FEEDS, DEMO_FEED } from './support/origins.js';

const TODAY = '2026-11-28';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs `saman-feed check INPUT --today TODAY` (text or JSON), as an editor would. */
function cliCheck(input, format) {
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '-p', 'saman-feed', '--', 'check', input, '--today', TODAY, '--format', format],
    { encoding: 'utf8' },
  );
  if (!run.stdout) throw new Error(`saman-feed check ${input} printed nothing: ${run.stderr}`);
  return format === 'json' ? JSON.parse(run.stdout) : run.stdout.trim().split('\n');
}

/** The summary line the tool ends with, without its `input: ` prefix. */
function cliSummary(input) {
  return cliCheck(input, 'text').pop().slice(`${input}: `.length);
}

/** The tool's problems, as the page object reads them from the page. */
function cliProblems(input) {
  return cliCheck(input, 'json').problems.map(({ severity, line, path, message }) => ({ severity, line, path, message }));
}

async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until every preview widget shows its stories. */
async function waitForPreviews(configurator) {
  await expect(configurator.previews).toHaveCount(FRAMES.length);
  for (const frame of FRAMES) await expect(configurator.preview(frame).slide.first()).toBeVisible();
}

test.describe('the report', () => {
  // The first run of `cargo run` may have to build the tool.
  test.setTimeout(240_000);

  test('of a feed on another origin is what saman-feed check prints for it', async ({ page }) => {
    const address = `${FEEDS}/mixed.json`;
    const [summary, problems] = [cliSummary(address), cliProblems(address)];
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
    const configurator = new Configurator(page);
    await configurator.open({ feed: address, ui: 'en' });
    await expect(configurator.status).toHaveText(`${summary}.`);
    await expect(configurator.reportHeading).toHaveText(`Report for ${address}`);
    expect(problems.length).toBeGreaterThan(5);
    expect(await configurator.problemList()).toEqual(problems);
    // Stories with a picture and no alt text, each named.
    const withoutAlt = problems.filter((p) => p.severity === 'warning' && p.path.endsWith('._saman.image_alt'));
    expect(withoutAlt.length).toBeGreaterThan(0);
    await expect(configurator.missingAlt).toHaveCount(withoutAlt.length);
    await expect(configurator.page.locator('p.expired')).toHaveText('None.');
  });

  test('of a feed file is the same as for the file on disk, expired stories included', async ({ page }) => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Historier',
      items: [
        { id: 'a', title: 'Ny leikeplass', content_text: 'Tekst', image: 'https://bilete.example/a.png', _saman: { audience: 'residents', image_alt: 'Born på huska' } },
        { id: 'b', title: 'Utan bilettekst', content_text: 'Tekst', image: 'https://bilete.example/b.png', _saman: { audience: 'colleagues' } },
        { id: 'c', title: 'Gammal nyheit', content_text: 'Tekst', _saman: { audience: 'all', expires: '2026-11-01' } },
        { id: 'd', title: 'Skrivefeil', content_text: 'Tekst', _saman: { audience: 'colegues' } },
      ],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'configure-')), 'historier.json');
    writeFileSync(file, JSON.stringify(feed, null, 2));
    const [summary, problems] = [cliSummary(file), cliProblems(file)];
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
    const configurator = new Configurator(page);
    await configurator.open({ ui: 'en' });
    await configurator.file.setInputFiles(file);
    await expect(configurator.status).toHaveText(`${summary}.`);
    await expect(configurator.reportHeading).toHaveText('Report for historier.json');
    expect(await configurator.problemList()).toEqual(problems);
    await expect(configurator.missingAlt).toHaveText([/^Utan bilettekst \(line \d+\)$/]);
    await expect(configurator.expired).toHaveText([/^Gammal nyheit \(line \d+\)$/]);
    // Counts per view, today: the expired story and the misspelt one are in none.
    expect(await Promise.all([0, 1, 2].map((row) => configurator.viewCount(row)))).toEqual([1, 1, 2]);
    // A file is only checked: no preview, no code without an address.
    await expect(configurator.previews).toHaveCount(0);
    await expect(configurator.code('script-form')).toHaveCount(0);
  });
});

test.describe('the preview', () => {
  test.use({ reducedMotion: 'reduce' });

  test('is the real widget in six frames, and switching the view changes its stories', async ({ page }) => {
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/all.json`, ui: 'en' });
    await expect(configurator.report).toBeVisible();
    const [residents, colleagues] = [await configurator.viewCount(0), await configurator.viewCount(1)];
    expect(residents).not.toBe(colleagues);
    await waitForPreviews(configurator);
    const phone = configurator.preview('phone-light');
    await expect(phone.position).toHaveText(`1 of ${residents}`);

    await configurator.set('audience', 'colleagues');
    for (const frame of FRAMES) {
      expect(await configurator.previewAttributes(frame)).toMatchObject({ audience: 'colleagues' });
    }
    await expect(phone.position).toHaveText(`1 of ${colleagues}`);
    expect(await configurator.viewCount(3)).toBe(colleagues);
    // Each frame is named apart; the dark frames are on a dark page.
    const labels = await Promise.all(FRAMES.map(async (f) => (await configurator.previewAttributes(f)).label));
    expect(new Set(labels).size).toBe(FRAMES.length);
    expect(labels[0]).toBe('Stories for employees – Phone, 360 px, light page');
    await expect(configurator.preview('full-dark').host.locator('.saman-root--dark')).toHaveCount(1);
    await expect(configurator.preview('full-light').host.locator('.saman-root--light')).toHaveCount(1);
    // Back to the default: the attribute is left out everywhere.
    await configurator.set('audience', 'residents');
    expect(await configurator.previewAttributes('sidebar-dark')).not.toHaveProperty('audience');
    expect(new URL(page.url()).searchParams.has('audience')).toBe(false);
    await expect(configurator.code('element-form')).not.toContainText('audience');
  });

  test('carries every setting, and the address reopens them', async ({ page, context }) => {
    const configurator = new Configurator(page);
    const feed = `${DEMO_FEED}/residents.json`;
    await configurator.open({ feed, ui: 'en' });
    const settings = {
      audience: 'all',
      lang: 'nn',
      interval: '9.5',
      layout: 'list',
      'heading-level': '4',
      label: 'Nytt frå kommunen',
      href: `${DEMO_FEED}/alle-historiene.html`,
      'slides-per-view': '2',
      tags: 'helse',
      storyteller: 'employee',
      'color-scheme': 'dark',
      mode: 'kiosk',
      refresh: '3',
    };
    for (const [name, value] of Object.entries(settings)) await configurator.set(name, value);
    await configurator.set('fill', true);
    const expected = { feed, ...settings, fill: '' };
    delete expected.label;
    for (const frame of FRAMES) {
      const { label, ...attributes } = await configurator.previewAttributes(frame);
      expect(attributes).toEqual(expected);
      expect(label).toMatch(/^Nytt frå kommunen – /);
    }
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    expect(query).toEqual({ feed, ...settings, fill: '', ui: 'en' });
    const form = await configurator.formValues();

    const reopened = new Configurator(await context.newPage());
    await reopened.page.goto(page.url());
    await expect(reopened.feed).toHaveValue(feed);
    expect(await reopened.formValues()).toEqual(form);
    for (const frame of FRAMES) {
      expect(await reopened.previewAttributes(frame)).toEqual(await configurator.previewAttributes(frame));
    }
    await expect(reopened.code('element-form')).toHaveText(await configurator.code('element-form').textContent());
  });

  test('a value the widget would not read is said next to its field and left out', async ({ page }) => {
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/residents.json`, ui: 'en', interval: '9' });
    expect(await configurator.previewAttributes('phone-light')).toMatchObject({ interval: '9' });
    await configurator.set('interval', '3');
    await expect(configurator.field('interval')).toHaveAttribute('aria-invalid', 'true');
    await expect(configurator.field('interval')).toHaveAttribute('aria-describedby', 'interval-help interval-error');
    await expect(page.locator('#interval-error')).toHaveText(/from 5 to 600/);
    expect(await configurator.previewAttributes('phone-light')).not.toHaveProperty('interval');
    await expect(configurator.code('script-form')).not.toContainText('interval');
    // The address keeps what was typed, so a shared link shows the same form.
    expect(new URL(page.url()).searchParams.get('interval')).toBe('3');
  });
});

test.describe('the code', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const block of ['script-form', 'element-form', 'iframe-form']) {
    test(`${block}, copied and pasted into a fresh page, renders the same widget`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIDGET });
      const configurator = new Configurator(page);
      await configurator.open({ feed: `${DEMO_FEED}/all.json`, audience: 'colleagues', lang: 'nb', 'heading-level': '4', ui: 'en' });
      const preview = configurator.preview('full-light');
      await preview.waitForStories();
      const [title, position] = [await preview.title.textContent(), await preview.position.textContent()];

      await configurator.copyButton(block).click();
      await expect(configurator.copyStatus(block)).toHaveText('Copied.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await configurator.code(block).textContent());
      expect(copied).not.toContain('heading-level="3"');

      // The page of a site with a strict policy: nothing but what the code's
      // own CSP lines allow.
      const csp = block === 'iframe-form' ? 'frame-csp' : 'csp';
      const policy = (await configurator.code(csp).textContent())
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .join('; ');
      const pasted = await context.newPage();
      await pasted.goto(`${PAGE}/pasted.html?${new URLSearchParams({ code: copied, csp: `default-src 'none'; ${policy}` })}`);
      const host = block === 'iframe-form' ? pasted.frameLocator('iframe').locator('saman-stories') : pasted.locator('saman-stories');
      const widget = new StoryWidget(pasted, host);
      await widget.waitForStories();
      await expect(widget.title).toHaveText(title);
      await expect(widget.position).toHaveText(position);
      expect(position).toMatch(/^1 av \d+$/);
      await expect(widget.region).toHaveAttribute('aria-label', 'Historier for ansatte');
      expect(await widget.title.evaluate((element) => element.tagName)).toBe('H4');
      await expect(preview.region).toHaveAttribute('aria-label', /^Historier for ansatte – /);
      if (block === 'iframe-form') await expect(pasted.locator('iframe')).toHaveAttribute('title', 'Historier for ansatte');
      await pasted.close();
    });
  }

  test('where the browser refuses to copy, the code is selected for Ctrl+C', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/residents.json`, ui: 'en' });
    await configurator.copyButton('script-form').click();
    await expect(configurator.copyStatus('script-form')).toHaveText(/the code is selected, so press Ctrl\+C/);
    expect(await page.evaluate(() => getSelection().toString())).toBe(await configurator.code('script-form').textContent());
  });

  test('the policy names the widget, the feed and the pictures, and the link holds the settings', async ({ page }) => {
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${FEEDS}/pictures.json`, ui: 'en', layout: 'list' });
    await expect(configurator.report).toBeVisible();
    await expect(configurator.code('csp')).toHaveText(
      [
        `script-src  ${WIDGET} 'wasm-unsafe-eval'`,
        `style-src   ${WIDGET}`,
        `connect-src ${WIDGET} ${FEEDS}`,
        `img-src     ${FEEDS}`,
      ].join('\n'),
    );
    await expect(configurator.code('frame-csp')).toHaveText(`frame-src ${WIDGET}`);
    await expect(configurator.code('share-link')).toHaveText(page.url());
    expect(new URL(page.url()).searchParams.get('layout')).toBe('list');
  });
});

test.describe('a feed the page cannot read', () => {
  const cases = [
    [`${FEEDS}/status/404`, /^The server answered 404 Not Found: there is no feed at this address, so check it/],
    [`${FEEDS}/status/503`, /^The server answered 503 Service Unavailable, an error on the server's side/],
    [`${FEEDS}/generated/not-json-feed.json`, /^The address sent XML \(perhaps RSS or Atom\), not JSON: ask for the address of the feed in JSON Feed format/],
    [`${FEEDS}/no-cors/mixed.json`, /^The server answered, but does not let other sites read the feed: ask for the Access-Control-Allow-Origin header/],
    ['http://127.0.0.1:9/feed.json', /^No answer from http:\/\/127\.0\.0\.1:9: check the address/],
    ['residents.json', /^Write the feed's full address, beginning with https:\/\/\.$/],
  ];
  for (const [address, sentence] of cases) {
    test(`gets its sentence: ${address}`, async ({ page }) => {
      const configurator = new Configurator(page);
      await configurator.open({ ui: 'en' });
      await configurator.check(address);
      await expect(configurator.status).toHaveText(sentence);
      await expect(configurator.status).toHaveClass(/status--failed/);
      await expect(configurator.report).toHaveCount(0);
    });
  }

  test('the sentence follows the page language, and a malformed feed gets its line instead', async ({ page }) => {
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${FEEDS}/status/404`, ui: 'en' });
    await expect(configurator.status).toHaveText(/^The server answered 404/);
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await expect(configurator.status).toHaveText(/^Serveren svarte 404 Not Found: det finst ingen feed på denne adressa/);
    await configurator.check(`${FEEDS}/malformed.json`);
    await expect(configurator.report).toBeVisible();
    await expect(configurator.problems).toHaveCount(1);
    await expect(configurator.problems.first()).toHaveAttribute('data-severity', 'error');
    await expect(configurator.problems.first().locator('.problem-message')).toHaveText(/^not valid JSON \(column \d+\)/);
    await expect(configurator.problems.first().locator('.problem-line')).toHaveText(/^linje \d+$/);
  });
});

test.describe('the page itself', () => {
  test.use({ reducedMotion: 'reduce' });

  test('axe finds nothing: with a report and previews, an invalid setting, and a failed feed', async ({ page }) => {
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/residents.json`, ui: 'nn', interval: '3' });
    await expect(configurator.report).toBeVisible();
    await waitForPreviews(configurator);
    expect(await axeViolations(page)).toEqual([]);
    await configurator.check(`${FEEDS}/status/404`);
    await expect(configurator.status).toHaveClass(/status--failed/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('works from the keyboard alone: language, feed, a setting, copying', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIDGET });
    const configurator = new Configurator(page);
    await configurator.open({});
    /** Presses Tab until `locator` has focus. */
    const tabTo = async (locator) => {
      for (let presses = 0; presses < 150; presses++) {
        if (await locator.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${locator}`);
    };
    const english = page.getByRole('button', { name: 'English' });
    await tabTo(english);
    await page.keyboard.press('Space');
    await expect(page.locator('h1')).toHaveText('Set up saman-stories');
    await expect(english).toBeFocused();
    await expect(english).toHaveAttribute('aria-pressed', 'true');
    await tabTo(configurator.feed);
    await page.keyboard.type(`${DEMO_FEED}/all.json`);
    await page.keyboard.press('Enter');
    await expect(configurator.report).toBeVisible();
    await tabTo(configurator.field('audience'));
    await page.keyboard.press('ArrowDown');
    await expect(configurator.field('audience')).toHaveValue('colleagues');
    await expect.poll(() => configurator.previewAttributes('phone-light')).toMatchObject({ audience: 'colleagues' });
    await tabTo(configurator.copyButton('element-form'));
    await page.keyboard.press('Enter');
    await expect(configurator.copyStatus('element-form')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('audience="colleagues"');
  });

  test('is 320 px wide without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/residents.json`, ui: 'nb', label: 'Historiene fra Fjordvik kommune på nettsiden' });
    await expect(configurator.report).toBeVisible();
    await waitForPreviews(configurator);
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('saman-stories')].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(sizes.page).toBeLessThanOrEqual(320);
    expect(sizes.widest).toBeLessThanOrEqual(320);
  });

  test.describe('in the browser’s language', () => {
    test.use({ locale: 'nn-NO' });

    test('unless the address or the switch chooses another', async ({ page }) => {
      const configurator = new Configurator(page);
      await configurator.open({});
      await expect(page.locator('h1')).toHaveText('Set opp saman-stories');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
      await expect(page).toHaveTitle('Set opp saman-stories');
      expect(new URL(page.url()).searchParams.has('ui')).toBe(false);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('h1')).toHaveText('Set up saman-stories');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      expect(new URL(page.url()).searchParams.get('ui')).toBe('en');
      await configurator.open({ ui: 'nb' });
      await expect(page.locator('h1')).toHaveText('Sett opp saman-stories');
      await expect(configurator.field('audience').locator('option').first()).toHaveText('For innbyggere');
    });
  });

  test('asks nothing of any origin but its own and the feed’s', async ({ page }) => {
    const origins = new Set();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    const configurator = new Configurator(page);
    await configurator.open({ feed: `${DEMO_FEED}/residents.json`, ui: 'en' });
    await expect(configurator.report).toBeVisible();
    await waitForPreviews(configurator);
    expect([...origins].sort()).toEqual([DEMO_FEED, WIDGET].sort());
  });

  test('the demo page links to it, with the demo feed', async ({ page }) => {
    await page.goto('/demo/');
    const link = page.locator(`a[href^="${WIDGET}/configure.html?feed="]`);
    await expect(link).toHaveCount(1);
    await link.click();
    const configurator = new Configurator(page);
    await expect(configurator.feed).toHaveValue(`${DEMO_FEED}/residents.json`);
    await expect(page.locator('h1')).toHaveText('Set opp saman-stories');
    await expect(configurator.report).toBeVisible();
  });
});
