// The iframe embed (dist/embed.html) for hosts that cannot run the widget
// inline: settings from the query string, the widget filling the frame's
// reserved height, so nothing on the host page moves.
import { test, expect } from './support/test.js';
import { StoryWidget } from './support/story-widget.js';

for (const width of [320, 700, 1100]) {
  test(`the framed widget fills the reserved height at ${width} px and nothing moves`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/iframe.html');
    const below = await page.locator('#below').boundingBox();
    const frame = page.frameLocator('iframe');
    const widget = new StoryWidget(page, frame.locator('saman-stories'));
    await widget.waitForStories();
    await expect(widget.position).toHaveText('1 av 4');
    await expect(widget.region).toHaveAttribute('aria-label', 'Historier for innbyggjarar');
    const frameBox = await page.locator('iframe').boundingBox();
    for (let i = 0; i < 4; i++) {
      const inside = await frame.locator('saman-stories').evaluate((host) => {
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
      expect(inside.height).toBe(Math.round(frameBox.height));
      expect(inside.card).toBe(inside.height);
      // The picture takes the room the text leaves.
      expect(inside.media).toBeGreaterThan(100);
      expect(inside.scroll).toBeLessThanOrEqual(0);
      expect(inside.captionBottom).toBeLessThanOrEqual(frameBox.height);
      await widget.nextButton.click();
    }
    expect(await page.locator('#below').boundingBox()).toEqual(below);
  });
}
