// How every tool here starts Debian's Chromium (never a downloaded browser):
// Playwright's tests, the benchmark and the README pictures. Without the
// background-networking flags Chromium keeps calling Google's services, which
// a network open only to the package registries refuses (docs/toolchain.md
// says why each flag is here).
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
