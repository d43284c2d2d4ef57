// A small client of classic W3C WebDriver, the protocol both geckodriver
// (Firefox) and WebKitWebDriver (WebKitGTK) speak. It starts a driver
// binary on a free port, opens one session, and offers the few commands the
// engine tests need: navigate, run a script, click, press keys, resize,
// switch frames. Plain `fetch` and `child_process`: nothing is installed or
// downloaded for it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The W3C keys of the Actions API, by the names the tests use. */
export const KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
};

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** An error the driver answered with, carrying its W3C error code. */
export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value.error}: ${value.message}`);
    this.code = value.error;
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** A driver process (geckodriver, WebKitWebDriver) listening on `url`. */
export class Driver {
  /** Starts `binary` with `args(port)` and waits until it answers /status. */
  static async start({ binary, args, env }) {
    const port = await freePort();
    const child = spawn(binary, args(port), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
    const driver = new Driver(child, `http://127.0.0.1:${port}`, () => log);
    const deadline = Date.now() + 30_000;
    while (true) {
      if (child.exitCode !== null) throw new Error(`${binary} exited (${child.exitCode}): ${log}`);
      try {
        const status = await fetch(`${driver.url}/status`);
        if (status.ok) return driver;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`${binary} did not answer on port ${port} within 30 s: ${log}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  constructor(child, url, log) {
    this.child = child;
    this.url = url;
    this.log = log;
  }

  /** Opens a session with these `alwaysMatch` capabilities. */
  async newSession(capabilities) {
    const response = await request('POST', `${this.url}/session`, { capabilities: { alwaysMatch: capabilities } }, 'new session');
    return new Session(this, response.sessionId, response.capabilities);
  }

  /** Stops the driver (its browsers go with their sessions). */
  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((ok) => this.child.once('exit', ok));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

async function request(method, url, body, command) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'Content-Type': 'application/json; charset=utf-8' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let value;
  try {
    ({ value } = JSON.parse(text));
  } catch {
    throw new Error(`${command}: the driver answered ${response.status} with ${text.slice(0, 300)}`);
  }
  if (value && typeof value === 'object' && typeof value.error === 'string') throw new WebDriverError(command, value);
  return value;
}

/** One browser session. Element references are the protocol's own objects. */
export class Session {
  constructor(driver, id, capabilities) {
    this.driver = driver;
    this.id = id;
    this.capabilities = capabilities;
    this.base = `${driver.url}/session/${id}`;
  }

  command(method, path, body) {
    return request(method, `${this.base}${path}`, body, `${method} ${path}`);
  }

  /** Loads `url` and waits for its load event. */
  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  currentUrl() {
    return this.command('GET', '/url');
  }

  /**
   * Runs `fn(...args)` in the page (in the current frame) and returns its
   * result; a returned promise is awaited. `fn` (a function, or a
   * function's source) is sent as source, so it sees only its arguments:
   * JSON values and element references.
   */
  async run(fn, ...args) {
    // The async form with an explicit callback: both drivers support it,
    // and it reports a rejected promise as the page's own error message.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.command('POST', '/execute/async', { script, args });
    if (result && 'error' in result) throw new Error(`script failed in the page: ${result.error}`);
    return result ? result.value : result;
  }

  /** Clicks an element reference as a visitor would (scrolls it into view first). */
  click(element) {
    return this.command('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  /** Presses and releases each key in turn (names from KEYS, or characters). */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const combo = key.split('+').map((name) => KEYS[name] ?? name);
      for (const value of combo) actions.push({ type: 'keyDown', value });
      for (const value of [...combo].reverse()) actions.push({ type: 'keyUp', value });
    }
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  /** Moves the mouse pointer to the middle of `element`, or to viewport (x, y). */
  async movePointer(target) {
    const move =
      target && target[ELEMENT]
        ? { type: 'pointerMove', duration: 0, origin: target, x: 0, y: 0 }
        : { type: 'pointerMove', duration: 0, origin: 'viewport', x: target.x, y: target.y };
    await this.command('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [move] }],
    });
  }

  /** Sets the window's outer size. */
  resize(width, height) {
    return this.command('POST', '/window/rect', { width, height });
  }

  /** Switches into the frame `element` (an <iframe> reference), or back to the top with null. */
  switchToFrame(element) {
    return this.command('POST', '/frame', { id: element });
  }

  /** Ends the session and closes its browser. */
  async close() {
    await this.command('DELETE', '').catch(() => {});
  }
}

/** Whether `value` is an element reference. */
export const isElement = (value) => Boolean(value && typeof value === 'object' && value[ELEMENT]);
