// The iframe page (dist/embed.html) in the engine: settings from the query
// string, the widget filling the frame's reserved height, nothing on the
// host page moving.
import { describe } from 'node:test';
import { test, assert, waitFor, probeRecord } from './harness.js';
import { PIECES } from './story-widget.js';

describe('iframe', () => {
  for (const width of [400, 1100]) {
    test(`in a ${width} px window, the framed widget fills the reserved height and nothing moves`, async ({ browser, widget, visit }) => {
      await visit('/iframe.html');
      const below = () => browser.run(() => JSON.stringify(document.getElementById('below').getBoundingClientRect()));
      const belowBefore = await below();
      const frame = await browser.run(() => {
        const element = document.querySelector('iframe');
        return { element, height: element.getBoundingClientRect().height };
      });
      await browser.switchToFrame(frame.element);
      const state = await widget.waitForStories(waitFor);
      assert.equal(state.position, '1 av 4');
      assert.equal(state.label, 'Historier for innbyggjarar');
      for (let i = 0; i < 4; i++) {
        const inside = await widget.inside((host) => {
          const box = host.getBoundingClientRect();
          const card = host.shadowRoot.querySelector('.saman').getBoundingClientRect();
          const media = host.shadowRoot.querySelector('.saman-slide .saman-media').getBoundingClientRect();
          const caption = host.shadowRoot.querySelector('.saman-slide .saman-caption').getBoundingClientRect();
          return {
            height: Math.round(box.height),
            card: Math.round(card.height),
            media: media.height,
            captionBottom: caption.bottom,
            scroll: document.scrollingElement.scrollHeight - window.innerHeight,
          };
        });
        assert.equal(inside.height, Math.round(frame.height), `slide ${i + 1}: the widget is as tall as the frame`);
        assert.equal(inside.card, inside.height);
        assert.ok(inside.media > 100, `slide ${i + 1}: the picture is ${inside.media} px tall`);
        assert.ok(inside.scroll <= 0, `slide ${i + 1}: the frame scrolls by ${inside.scroll} px`);
        assert.ok(inside.captionBottom <= frame.height, `slide ${i + 1}: the text ends at ${inside.captionBottom} px`);
        const { position } = await widget.state();
        await widget.click(PIECES.nextButton);
        await waitFor('the next story', async () => (await widget.state()).position !== position);
      }
      assert.deepEqual((await probeRecord(browser)).errors, [], 'uncaught exceptions in the frame');
      await browser.switchToFrame(null);
      assert.equal(await below(), belowBefore);
    }, { width });
  }
});
