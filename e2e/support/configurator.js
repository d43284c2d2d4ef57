// Page object for configure.html, the configurator page (served from the
// widget's origin, next to the widget's files, as in production). Its form
// controls have the widget's attribute names as ids.
import { expect } from '@playwright/test';
import { WIDGET } from './origins.js';
import { StoryWidget } from './story-widget.js';

/** The frames of the preview: three widths, each on a light and a dark page. */
export const FRAMES = ['phone-light', 'phone-dark', 'sidebar-light', 'sidebar-dark', 'full-light', 'full-dark'];

/** The form's settings, by attribute name: select or text or checkbox. */
export const SELECTS = ['audience', 'lang', 'layout', 'heading-level', 'slides-per-view', 'storyteller', 'color-scheme', 'mode'];
export const TEXTS = ['interval', 'label', 'href', 'tags', 'refresh'];

export class Configurator {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.feed = page.locator('#feed');
    this.checkButton = page.locator('.feed-form button[type="submit"]');
    this.file = page.locator('#feed-file');
    this.status = page.locator('#feed-status');
    this.report = page.locator('section.report');
    this.reportHeading = page.locator('#report-heading');
    this.viewRows = page.locator('table.views tbody tr');
    this.problems = page.locator('ol.problems > li');
    this.missingAlt = page.locator('ul.missing-alt > li');
    this.expired = page.locator('ul.expired > li');
    this.previews = page.locator('.preview-frame saman-stories');
  }

  /** The page's address with these query parameters. */
  static url(params = {}) {
    return `${WIDGET}/configure.html?${new URLSearchParams(params)}`;
  }

  /** Opens the page with these settings in its address; waits for the app. */
  async open(params = {}) {
    await this.page.goto(Configurator.url(params));
    await expect(this.feed).toBeVisible();
  }

  /** The form control of one setting. */
  field(name) {
    return this.page.locator(`#${name}`);
  }

  /** Sets one setting through the form, as a person would. */
  async set(name, value) {
    const field = this.field(name);
    if (name === 'fill') await field.setChecked(Boolean(value));
    else if (SELECTS.includes(name)) await field.selectOption(value);
    else await field.fill(value);
  }

  /** Every setting as the form shows it. */
  async formValues() {
    const values = {};
    for (const name of [...SELECTS, ...TEXTS]) values[name] = await this.field(name).inputValue();
    values.fill = await this.field('fill').isChecked();
    return values;
  }

  /** Types an address and checks it. */
  async check(address) {
    await this.feed.fill(address);
    await this.checkButton.click();
  }

  /** The preview widget in one frame. */
  preview(frame) {
    return new StoryWidget(this.page, this.page.locator(`.preview-frame[data-frame="${frame}"] saman-stories`));
  }

  /** The attributes of the preview widget in one frame. */
  previewAttributes(frame) {
    return this.page
      .locator(`.preview-frame[data-frame="${frame}"] saman-stories`)
      .evaluate((element) => Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])));
  }

  /** The code of one block: script-form, element-form, iframe-form, csp, frame-csp, share-link. */
  code(block) {
    return this.page.locator(`#${block} pre`);
  }

  copyButton(block) {
    return this.page.locator(`#${block} button.copy`);
  }

  copyStatus(block) {
    return this.page.locator(`#${block} .copy-status`);
  }

  /** The stories the report's table counts for a view row (0 residents, 1 colleagues, 2 all, 3 with the settings). */
  async viewCount(row) {
    return Number(await this.viewRows.nth(row).locator('td').textContent());
  }

  /** Every problem as { severity, line, path, message }. */
  problemList() {
    return this.problems.evaluateAll((items) =>
      items.map((item) => ({
        severity: item.dataset.severity,
        line: Number(item.querySelector('.problem-line')?.dataset.line ?? NaN),
        path: item.querySelector('.problem-path').textContent,
        message: item.querySelector('.problem-message').textContent,
      })),
    );
  }
}
