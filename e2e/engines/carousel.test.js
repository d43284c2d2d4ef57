// The rotating carousel in the engine: its structure, rotation in real time
// (the floor of 5 s; no fake clock here), the stop button first, Next and
// Previous stopping rotation, keyboard focus stopping it for good, reduced
// motion, and keyboard operation. That something stops rotation is read from
// what the visitor gets (the button's label, aria-live) and proved in time:
// one page holds a widget per way of stopping and one left alone, and a
// single wait of one interval shows which of them moved.
import { describe } from 'node:test';
import { test, assert, waitFor, eventually, widgetPage, WIDGET, FEEDS } from './harness.js';
import { PIECES, StoryWidget } from './story-widget.js';

const STOP = 'Stop automatic slide show';
const START = 'Start automatic slide show';

/** The element with keyboard focus: an id outside the widget, or a class inside it. */
function focused(browser) {
  return browser.run(() => {
    const active = document.activeElement;
    if (active?.tagName === 'SAMAN-STORIES') return active.shadowRoot.activeElement?.className ?? 'widget';
    return active?.id || active?.tagName.toLowerCase();
  });
}

const focusOn = (browser, id) => browser.run((id) => document.getElementById(id).focus(), id);

async function open(widget, visit, params = {}) {
  await visit(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
  return widget.waitForStories(waitFor);
}

describe('carousel', () => {
  test('a named region of "N of M" groups with named native buttons', async ({ widget, visit }) => {
    const state = await open(widget, visit, { lang: 'nb' });
    assert.equal(state.label, 'Historier for innbyggere');
    const structure = await widget.inside((host) => {
      const root = host.shadowRoot;
      const region = root.querySelector('section.saman-carousel');
      const slide = root.querySelector('.saman-slide');
      const slides = root.querySelector('.saman-slides');
      return {
        roledescription: region.getAttribute('aria-roledescription'),
        slide: [slide.getAttribute('role'), slide.getAttribute('aria-roledescription'), slide.getAttribute('aria-label')],
        buttons: [...root.querySelectorAll('button')].map((b) => [b.getAttribute('type'), b.textContent.trim() || b.getAttribute('aria-label')]),
        controls: [...root.querySelectorAll('button.saman-previous, button.saman-next')].map((b) => b.getAttribute('aria-controls') === slides.id),
        slidesInDom: root.querySelectorAll('.saman-slide').length,
      };
    });
    assert.deepEqual(structure, {
      roledescription: 'karusell',
      slide: ['group', 'lysbilde', '1 av 4'],
      buttons: [
        ['button', 'Stopp automatisk visning'],
        ['button', 'Forrige historie'],
        ['button', 'Neste historie'],
        ['button', 'Vis alle historier'],
      ],
      controls: [true, true],
      slidesInDom: 1,
    });
  });

  test('it rotates at the interval, and the stop button stops it', async ({ widget, visit }) => {
    const shown = Date.now();
    const first = await open(widget, visit, { interval: '5' });
    assert.equal(first.position, '1 of 4');
    assert.equal(first.rotation, STOP);
    assert.equal(first.live, 'off');
    await waitFor('the second story', async () => (await widget.state()).position === '2 of 4', { timeout: 10_000 });
    const waited = Date.now() - shown;
    assert.ok(waited >= 4500, `rotated after ${waited} ms, before the 5 s floor`);
    await widget.click(PIECES.rotationButton);
    const stopped = await waitFor('the rotation button to offer Start', async () => {
      const state = await widget.state();
      return state.rotation === START ? state : null;
    });
    assert.equal(stopped.live, 'polite');
    // More than one interval: nothing moves.
    await new Promise((ok) => setTimeout(ok, 6000));
    assert.equal((await widget.state()).position, stopped.position);
  });

  test('Stop, Next, Previous and keyboard focus each stop rotation for good; a widget left alone rotates', async ({ browser, visit }) => {
    // Five widgets side by side, all in view, each after a link of its own.
    await visit('/empty.html');
    await browser.run(
      async (widgetOrigin, feeds) => {
        const style = document.createElement('style');
        style.textContent = 'body { margin: 0; padding-top: 80px } .grid { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4px }';
        document.head.append(style);
        const grid = document.createElement('div');
        grid.className = 'grid';
        for (let i = 0; i < 5; i++) {
          const cell = document.createElement('div');
          const link = document.createElement('a');
          link.id = `before-${i}`;
          link.href = '#';
          link.textContent = `Link before widget ${i + 1}`;
          const element = document.createElement('saman-stories');
          for (const [name, value] of [['feed', `${feeds}/mixed.json`], ['lang', 'en'], ['interval', '5']]) element.setAttribute(name, value);
          cell.append(link, element);
          grid.append(cell);
        }
        const after = document.createElement('a');
        after.id = 'after-all';
        after.href = '#';
        after.textContent = 'Link after the widgets';
        document.body.append(grid, after);
        const script = document.createElement('script');
        script.src = `${widgetOrigin}/saman-stories.js`;
        document.body.append(script);
        await new Promise((ok) => script.addEventListener('load', ok));
      },
      WIDGET,
      FEEDS,
    );
    const [stop, next, previous, focus, alone] = [0, 1, 2, 3, 4].map((i) => new StoryWidget(browser, i));
    for (const widget of [stop, next, previous, focus, alone]) await widget.waitForStories(waitFor);
    await stop.click(PIECES.rotationButton);
    await next.click(PIECES.nextButton);
    await previous.click(PIECES.previousButton);
    await focusOn(browser, 'before-3');
    await browser.press('Tab');
    assert.equal(await focus.focusedClass(), 'saman-button saman-rotation');
    // Away with focus and pointer, so that neither holds anything still.
    await focusOn(browser, 'after-all');
    await browser.movePointer({ x: 1, y: 1 });
    const stoppedAt = Date.now();
    const read = async (widget) => {
      const { position, rotation, live } = await widget.state();
      return { position, rotation, live };
    };
    const expected = [
      { position: '1 of 4', rotation: START, live: 'polite' },
      { position: '2 of 4', rotation: START, live: 'polite' },
      { position: '4 of 4', rotation: START, live: 'polite' },
      { position: '1 of 4', rotation: START, live: 'polite' },
    ];
    assert.deepEqual(await Promise.all([stop, next, previous, focus].map(read)), expected);
    // The one left alone moves on; by then, and a full interval after the
    // last press, the stopped ones would have moved too.
    await waitFor('the widget left alone to rotate', async () => (await alone.state()).position === '2 of 4', { timeout: 10_000 });
    const rest = 5500 - (Date.now() - stoppedAt);
    if (rest > 0) await new Promise((ok) => setTimeout(ok, rest));
    assert.deepEqual(await Promise.all([stop, next, previous, focus].map(read)), expected);
    assert.equal((await alone.state()).rotation, STOP);
  });

  test('the stop button is the first stop of Tab, and keyboard focus there stops rotation', async ({ browser, widget, visit }) => {
    await open(widget, visit);
    await focusOn(browser, 'before');
    await browser.press('Tab');
    assert.equal(await focused(browser), 'saman-button saman-rotation');
    const { rotation, live } = await widget.state();
    assert.deepEqual({ rotation, live }, { rotation: START, live: 'polite' });
  });

  test('Tab and Shift+Tab go through the controls and the visible link, then leave', async ({ browser, widget, visit }) => {
    await open(widget, visit);
    await focusOn(browser, 'before');
    const forward = [];
    for (let i = 0; i < 6; i++) {
      await browser.press('Tab');
      forward.push(await focused(browser));
    }
    assert.deepEqual(forward, [
      'saman-button saman-rotation',
      'saman-button saman-previous',
      'saman-button saman-next',
      'saman-link',
      'saman-button saman-button--quiet saman-layout-switch',
      'after',
    ]);
    const backward = [];
    for (let i = 0; i < 6; i++) {
      await browser.press('Shift+Tab');
      backward.push(await focused(browser));
    }
    assert.deepEqual(backward, [...forward.slice(0, 5).reverse(), 'before']);
  });

  test('everything works by keyboard, and focus stays on the control pressed', async ({ browser, widget, visit }) => {
    await open(widget, visit);
    await focusOn(browser, 'before');
    await browser.press('Tab'); // the rotation button; focus stopped rotation
    await browser.press('Enter');
    assert.equal((await widget.state()).rotation, STOP);
    await browser.press('Space');
    assert.equal((await widget.state()).rotation, START);
    assert.equal(await focused(browser), 'saman-button saman-rotation');
    await browser.press('Tab', 'Enter'); // Previous
    await eventually(async () => (await widget.state()).position, '4 of 4');
    assert.equal(await focused(browser), 'saman-button saman-previous');
    await browser.press('Tab', 'Space', 'Enter'); // Next, twice
    await eventually(async () => (await widget.state()).position, '2 of 4');
    assert.equal(await focused(browser), 'saman-button saman-next');
    await browser.press('Tab', 'Tab', 'Enter'); // past the link to the layout switch
    await eventually(async () => (await widget.state()).listItems, 4);
    assert.match(await focused(browser), /saman-layout-switch/);
    await browser.press('Enter'); // and back to the carousel, still stopped
    const back = await widget.waitForStories(waitFor);
    assert.equal(back.rotation, START);
  });

  test('arrow keys outside the widget do nothing to it', async ({ browser, widget, visit }) => {
    await open(widget, visit);
    await focusOn(browser, 'before');
    await browser.press('ArrowRight', 'ArrowLeft', 'ArrowRight');
    const { position, rotation } = await widget.state();
    assert.deepEqual({ position, rotation }, { position: '1 of 4', rotation: STOP });
  });

  test('slides fade in (opacity only) when motion is allowed', async ({ widget, visit }) => {
    await open(widget, visit);
    assert.equal(await widget.style(PIECES.slide, 'animation-name'), 'saman-fade-in');
  });

  test(
    'reduced motion: starts stopped, never rotates, and changes slides without animation',
    async ({ browser, widget, visit }) => {
      assert.equal(await browser.run(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
      const state = await open(widget, visit, { interval: '5' });
      assert.equal(state.rotation, START);
      assert.equal(state.live, 'polite');
      // More than one interval: nothing moves.
      await new Promise((ok) => setTimeout(ok, 5500));
      assert.equal((await widget.state()).position, '1 of 4');
      await widget.click(PIECES.nextButton);
      await eventually(async () => (await widget.state()).position, '2 of 4');
      assert.equal(await widget.style(PIECES.slide, 'animation-name'), 'none');
    },
    { preferences: { reducedMotion: true } },
  );
});
