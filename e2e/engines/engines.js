// The two engines besides Chromium, as Debian packages them, and how to
// start a WebDriver session in each with the visitor's preferences the tests
// need (reduced motion, a dark system theme). Every session sends its
// requests through the recording proxy (proxy.js).
import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver } from './webdriver.js';

/** webkit2gtk-driver's browser, under the machine's multiarch directory. */
function miniBrowser() {
  const found = readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));
  if (!found) throw new Error('no /usr/lib/*/webkit2gtk-4.1/MiniBrowser: run scripts/setup (Debian package webkit2gtk-driver)');
  return found;
}

const proxyCapability = (port) => ({
  proxyType: 'manual',
  httpProxy: `127.0.0.1:${port}`,
  sslProxy: `127.0.0.1:${port}`,
});

/**
 * name → { label, start({ proxyPort, reducedMotion, darkSystem }) }, where
 * start resolves to { driver, session }. Each session has its own driver
 * process: WebKitGTK takes the preferences from the driver's environment.
 */
export const ENGINES = {
  firefox: {
    label: 'Firefox ESR',
    async start({ proxyPort, reducedMotion = false, darkSystem = false }) {
      // geckodriver, built from crates.io by scripts/setup.
      const driver = await Driver.start({
        binary: process.env.GECKODRIVER || 'geckodriver',
        args: (port) => ['--host', '127.0.0.1', '--port', String(port), '--log', 'error'],
        // A release build ignores services.settings.server (below) unless told.
        env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      });
      const session = await driver.newSession({
        browserName: 'firefox',
        proxy: proxyCapability(proxyPort),
        'moz:firefoxOptions': {
          binary: '/usr/bin/firefox-esr',
          args: ['-headless'],
          prefs: {
            // Firefox never proxies 127.0.0.1 unless told to.
            'network.proxy.allow_hijacking_localhost': true,
            'network.proxy.no_proxies_on': '',
            // The visitor's system settings, as the media queries see them.
            'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
            'layout.css.prefers-color-scheme.content-override': darkSystem ? 0 : 1,
            // No background traffic of the browser's own.
            'app.update.disabledForTesting': true,
            'browser.safebrowsing.update.enabled': false,
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'browser.newtabpage.enabled': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'toolkit.telemetry.enabled': false,
            // Remote settings (blocklists and such): a dummy server, never fetched.
            'services.settings.server': 'data:,#remote-settings-dummy/v1',
          },
        },
      });
      return { driver, session };
    },
  },
  webkit: {
    label: 'WebKitGTK',
    async start({ proxyPort, reducedMotion = false, darkSystem = false }) {
      // WebKitGTK reads the visitor's settings from GTK: animations off
      // means prefers-reduced-motion, a dark theme prefers-color-scheme.
      const config = mkdtempSync(join(tmpdir(), 'saman-webkit-'));
      mkdirSync(join(config, 'gtk-3.0'));
      writeFileSync(
        join(config, 'gtk-3.0', 'settings.ini'),
        `[Settings]\ngtk-enable-animations=${reducedMotion ? 'false' : 'true'}\n`,
      );
      const driver = await Driver.start({
        binary: 'WebKitWebDriver',
        args: (port) => [`--port=${port}`],
        env: { XDG_CONFIG_HOME: config, GTK_THEME: darkSystem ? 'Adwaita:dark' : 'Adwaita' },
      });
      // No browserName: MiniBrowser does not match one.
      const session = await driver.newSession({
        proxy: proxyCapability(proxyPort),
        'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
      });
      return { driver, session };
    },
  },
};
