// A host page with a strict Content-Security-Policy (no 'unsafe-inline'):
// the widget renders, styled, with no violation.
import { test, expect } from './support/test.js';
import { STRICT_CSP } from './support/origins.js';

test('the widget works under a strict CSP without unsafe-inline', async ({ page, widget, consoleMessages }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto('/csp/strict.html');
  expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);
  await widget.waitForStories();
  await expect(widget.slide.locator('img')).toHaveAttribute('alt', 'Resident picture one');
  await expect.poll(() => widget.slide.locator('img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
  // The stylesheet applied: the buttons carry the widget's accent colour.
  const background = await widget.rotationButton.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(0, 91, 153)');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(consoleMessages.filter((m) => m.type === 'error')).toEqual([]);
});
