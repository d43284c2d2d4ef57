// Page object for one <saman-stories> widget in a WebDriver session: the
// engine tests' counterpart of e2e/support/story-widget.js. It reaches into
// the open shadow root with scripts run in the page, and clicks and types
// through the driver, as a visitor would. Class names are the widget's
// observable contract (its ::part() pieces and states).

/** The pieces of the widget, as selectors inside its shadow root. */
export const PIECES = {
  region: 'section.saman-carousel',
  rotationButton: 'button.saman-rotation',
  previousButton: 'button.saman-previous',
  nextButton: 'button.saman-next',
  position: '.saman-position',
  slides: '.saman-slides',
  slide: '.saman-slide',
  title: '.saman-slide .saman-title',
  layoutSwitch: 'button.saman-layout-switch',
  list: 'ul.saman-list',
  status: '.saman-status',
  fallback: '.saman-fallback',
};

export class StoryWidget {
  /** The widget with index `index` on the page (or in the current frame). */
  constructor(browser, index = 0) {
    this.browser = browser;
    this.index = index;
  }

  /** Runs `fn(host, ...args)` in the page, with the widget's element as `host`. */
  inside(fn, ...args) {
    // Composed as source here: a strict-CSP page would refuse eval in the page.
    const source = `(index, rest) => {
      const host = document.querySelectorAll('saman-stories')[index];
      return host ? (${fn}).apply(null, [host, ...rest]) : null;
    }`;
    return this.browser.run(source, this.index, args);
  }

  /** What a visitor sees, read in one round trip. */
  state() {
    return this.inside((host) => {
      const root = host.shadowRoot;
      if (!root) return { upgraded: false };
      const one = (selector) => root.querySelector(selector);
      const text = (selector) => one(selector)?.textContent.trim() ?? null;
      // The carousel's region, or the list's.
      const region = one('section[aria-label]');
      const slides = one('.saman-slides');
      const status = one('.saman-status');
      return {
        upgraded: true,
        slides: root.querySelectorAll('.saman-slide').length,
        position: text('.saman-position'),
        title: text('.saman-slide .saman-title'),
        rotation: text('button.saman-rotation'),
        live: slides?.getAttribute('aria-live') ?? null,
        label: region?.getAttribute('aria-label') ?? null,
        status: status && !status.classList.contains('saman-status--loading') ? status.textContent.trim() : null,
        statusClass: status?.className ?? null,
        loading: Boolean(root.querySelector('.saman-status--loading')),
        fallback: text('.saman-fallback'),
        listItems: root.querySelectorAll('ul.saman-list > li').length,
      };
    });
  }

  /** Waits until the widget shows at least one slide (or list item). */
  async waitForStories(waitFor) {
    return waitFor('the widget to show its stories', async () => {
      const state = await this.state();
      return state && (state.slides > 0 || state.listItems > 0) ? state : null;
    });
  }

  /** An element reference for `selector` inside the shadow root (null if none). */
  element(selector) {
    return this.inside((host, selector) => host.shadowRoot.querySelector(selector), selector);
  }

  /** Clicks the piece `selector` with the driver's pointer. */
  async click(selector) {
    const element = await this.element(selector);
    if (!element) throw new Error(`nothing matches ${selector} in the widget`);
    await this.browser.click(element);
  }

  /** The class of the element with keyboard focus inside the widget, or null. */
  focusedClass() {
    return this.inside((host) => host.shadowRoot.activeElement?.className ?? null);
  }

  /** Everything inside the shadow root, as markup. */
  shadowHtml() {
    return this.inside((host) => host.shadowRoot.innerHTML);
  }

  /** The loader's live counts of widgets, timers, requests and listeners. */
  counts() {
    return this.browser.run(() => customElements.get('saman-stories').debugCounts());
  }

  /** A computed style property of the first element matching `selector`. */
  style(selector, property) {
    return this.inside(
      (host, selector, property) => {
        const element = host.shadowRoot.querySelector(selector);
        return element ? getComputedStyle(element).getPropertyValue(property) : null;
      },
      selector,
      property,
    );
  }

  /** Goes through every slide with Next; returns, per step, the title, the shadow markup and the number of slides in the DOM. */
  async visitEverySlide(waitFor) {
    const first = await this.waitForStories(waitFor);
    const total = first.position ? Number(first.position.split(' ').pop()) : 1;
    const titles = [];
    const markup = [];
    const slides = [];
    for (let i = 0; i < total; i++) {
      const { position, title, slides: shown } = await this.state();
      titles.push(title);
      slides.push(shown);
      markup.push(await this.shadowHtml());
      if (total > 1) {
        await this.click(PIECES.nextButton);
        await waitFor(`the position to move on from ${position}`, async () => (await this.state()).position !== position);
      }
    }
    return { titles, markup, slides };
  }
}
