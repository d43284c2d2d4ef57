// Page object for one <saman-stories> widget. Playwright's locators pierce
// open shadow roots, so these reach inside the widget as a visitor would.
import { expect } from '@playwright/test';

export class StoryWidget {
  /** @param {import('@playwright/test').Page} page */
  constructor(page, host = page.locator('saman-stories').first()) {
    this.page = page;
    this.host = host;
    this.region = host.locator('section.saman-carousel');
    this.rotationButton = host.locator('button.saman-rotation');
    this.previousButton = host.locator('button.saman-previous');
    this.nextButton = host.locator('button.saman-next');
    this.position = host.locator('.saman-position');
    this.slides = host.locator('.saman-slides');
    this.slide = host.locator('.saman-slide');
    this.title = this.slide.locator('.saman-title');
    this.layoutSwitch = host.locator('button.saman-layout-switch');
    this.list = host.locator('ul.saman-list');
    this.status = host.locator('.saman-status');
  }

  /** The widget with index `i` on the page. */
  static nth(page, i) {
    return new StoryWidget(page, page.locator('saman-stories').nth(i));
  }

  async waitForStories() {
    await expect(this.slide).toHaveCount(1);
  }

  /** Everything inside the shadow root, as markup: text, attributes, labels. */
  async shadowHtml() {
    return this.host.evaluate((el) => el.shadowRoot.innerHTML);
  }

  /** Goes through every slide with Next; returns the titles and, per step, the shadow markup. */
  async visitEverySlide() {
    // A single story has no controls, and so no position.
    const total = (await this.position.count()) ? Number((await this.position.textContent()).split(' ').pop()) : 1;
    const titles = [];
    const markup = [];
    for (let i = 0; i < total; i++) {
      titles.push((await this.title.textContent()).trim());
      markup.push(await this.shadowHtml());
      if (total > 1) {
        const before = await this.position.textContent();
        await this.nextButton.click();
        await expect(this.position).not.toHaveText(before);
      }
    }
    return { titles, markup };
  }

  /** Whether the element that has keyboard focus is `locator` (inside the shadow root). */
  async focusedClass() {
    return this.host.evaluate((el) => el.shadowRoot.activeElement?.className ?? null);
  }
}
