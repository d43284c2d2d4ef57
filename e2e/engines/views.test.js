// The three views in the engine: a story outside the chosen view exists
// nowhere in the widget's DOM, not in text, attributes or labels.
import { describe } from 'node:test';
import { test, assert, waitFor, widgetPage } from './harness.js';

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
// Strings that belong only to the other view's stories in mixed.json.
const COLLEAGUE_ONLY = ['Internal colleague', 'SECRET', 'col-1', 'col-2'];
const RESIDENT_ONLY = ['Resident story', 'Resident picture', 'res-1', 'res-2'];

describe('views', () => {
  for (const form of ['script', 'element']) {
    test(`residents view (${form} form): no colleagues story in the DOM at any slide`, async ({ widget, visit }) => {
      await visit(widgetPage({ form, feed: 'mixed.json', audience: 'residents', lang: 'en' }));
      const { titles, markup } = await widget.visitEverySlide(waitFor);
      assert.deepEqual(titles, RESIDENT_TITLES);
      for (const html of markup) for (const secret of COLLEAGUE_ONLY) assert.ok(!html.includes(secret), `${secret} in the DOM`);
    });
  }

  test('colleagues view: no residents-only story in the DOM at any slide', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', audience: 'colleagues', lang: 'en' }));
    const { titles, markup } = await widget.visitEverySlide(waitFor);
    assert.deepEqual(titles, COLLEAGUE_TITLES);
    for (const html of markup) for (const secret of RESIDENT_ONLY) assert.ok(!html.includes(secret), `${secret} in the DOM`);
  });

  test('all view: every story, and only the shown slide is in the DOM', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'en' }));
    const { titles, slides } = await widget.visitEverySlide(waitFor);
    assert.deepEqual(new Set(titles), new Set([...RESIDENT_TITLES, ...COLLEAGUE_TITLES]));
    assert.equal(titles.length, 6);
    assert.deepEqual(slides, [1, 1, 1, 1, 1, 1]);
  });
});
