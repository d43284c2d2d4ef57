// The dark theme and the list layout, in the engine.
import { describe } from 'node:test';
import { test, assert, waitFor, eventually, widgetPage } from './harness.js';
import { PIECES } from './story-widget.js';

const DARK_SURFACE = 'rgb(28, 31, 35)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_ACCENT = 'rgb(140, 202, 255)';
const LIGHT_ACCENT = 'rgb(0, 91, 153)';

/** The surface and the button colours the visitor sees. */
async function look(widget) {
  await widget.waitForStories(waitFor);
  return {
    surface: await widget.style('.saman', 'background-color'),
    text: await widget.style('.saman', 'color'),
    button: await widget.style(PIECES.rotationButton, 'background-color'),
  };
}

describe('theming', () => {
  for (const [what, params, expected] of [
    ['a page that declares nothing stays light', {}, { surface: LIGHT_SURFACE, button: LIGHT_ACCENT }],
    ['data-color-scheme="dark" on the page gives dark', { pagescheme: 'dark' }, { surface: DARK_SURFACE, button: DARK_ACCENT }],
    ['CSS color-scheme: dark on the page gives dark', { pagecss: ':root { color-scheme: dark }' }, { surface: DARK_SURFACE, button: DARK_ACCENT }],
    ['the attribute light wins over a dark page', { pagescheme: 'dark', 'color-scheme': 'light' }, { surface: LIGHT_SURFACE, button: LIGHT_ACCENT }],
    ['the attribute auto on a light system is light', { 'color-scheme': 'auto' }, { surface: LIGHT_SURFACE, button: LIGHT_ACCENT }],
  ]) {
    test(what, async ({ widget, visit }) => {
      await visit(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
      const { surface, button } = await look(widget);
      assert.deepEqual({ surface, button }, expected);
    });
  }

  test(
    'on a dark system, auto and "light dark" pages are dark and a page that declares nothing stays light',
    async ({ widget, visit }) => {
      for (const [params, surface] of [
        [{ 'color-scheme': 'auto' }, DARK_SURFACE],
        [{ pagecss: ':root { color-scheme: light dark }' }, DARK_SURFACE],
        [{}, LIGHT_SURFACE],
      ]) {
        await visit(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
        assert.equal((await look(widget)).surface, surface, JSON.stringify(params));
      }
    },
    { preferences: { darkSystem: true } },
  );

  test('the dark theme keeps text and controls readable', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en', 'color-scheme': 'dark' }));
    const seen = await look(widget);
    assert.deepEqual(seen, { surface: DARK_SURFACE, text: 'rgb(241, 243, 245)', button: DARK_ACCENT });
    assert.equal(await widget.style(PIECES.rotationButton, 'color'), 'rgb(11, 26, 38)');
  });

  test('a page that switches theme after load takes the widget along', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en', pagescheme: 'light', pagecss: '.night { color-scheme: dark }' }));
    await widget.waitForStories(waitFor);
    await widget.click(PIECES.rotationButton); // stopped: the slide stays
    const surface = () => widget.style('.saman', 'background-color');
    assert.equal(await surface(), LIGHT_SURFACE);
    await browser.run(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
    await eventually(surface, DARK_SURFACE);
    await browser.run(() => {
      document.documentElement.removeAttribute('data-color-scheme');
      document.body.classList.add('night');
    });
    await eventually(surface, DARK_SURFACE);
    await browser.run(() => document.body.classList.remove('night'));
    await eventually(surface, LIGHT_SURFACE);
    assert.equal((await widget.state()).position, '1 of 4');
  });

  test('layout="list" shows every story of the view, with no rotation at all', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'nn', layout: 'list' }));
    const state = await widget.waitForStories(waitFor);
    assert.equal(state.listItems, 4);
    assert.equal(state.label, 'Historier for innbyggjarar');
    const inside = await widget.inside((host) => ({
      buttons: host.shadowRoot.querySelectorAll('button').length,
      headings: [...host.shadowRoot.querySelectorAll('ul.saman-list h3')].map((h) => h.textContent.trim()),
    }));
    assert.deepEqual(inside, {
      buttons: 0,
      headings: [
        'Resident story one',
        'Shared story for everyone',
        'Resident story two <img src=x onerror=alert(1)>',
        'Story without an audience counts as all',
      ],
    });
    assert.equal((await widget.counts()).timers, 0);
    assert.ok(!(await widget.shadowHtml()).includes('SECRET'));
  });

  test('the list is laid out in columns on a wide widget and in one column on a narrow one', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en', layout: 'list' }));
    await widget.waitForStories(waitFor);
    const columns = () =>
      widget.inside((host) => new Set([...host.shadowRoot.querySelectorAll('ul.saman-list > li')].map((li) => Math.round(li.getBoundingClientRect().left))).size);
    assert.ok((await columns()) >= 2, 'several columns at 1280 px');
    await browser.run(() => (document.querySelector('saman-stories').style.maxWidth = '320px'));
    await eventually(columns, 1);
  });

  test('"Show all stories" switches to the list and back, and rotation stays stopped', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en' }));
    await widget.waitForStories(waitFor);
    await widget.click(PIECES.layoutSwitch);
    await eventually(async () => (await widget.state()).listItems, 4);
    assert.equal((await widget.state()).slides, 0);
    assert.equal((await widget.counts()).timers, 0);
    await widget.click(PIECES.layoutSwitch);
    const back = await widget.waitForStories(waitFor);
    assert.equal(back.rotation, 'Start automatic slide show');
  });
});
