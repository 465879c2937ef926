// The embed (/embed/) as a documentation site uses it: in an iframe on another origin, driven
// through the postMessage API v1 (replies and events only to the host's origin, messages from
// any other window or origin ignored), as the embed.js <quiesce-embed> tag (created lazily,
// resized by the embed's own height events), with no request to any origin but its own; its
// parameters checked with errors that name them; and the lab's Embed dialog that writes the
// snippets for the run on screen.
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page, type Request } from '@playwright/test';
import { openLab } from './lab-page';

const port = Number(process.env.E2E_PORT ?? 4173);
/** The app, as the preview server serves it. */
const APP = `http://127.0.0.1:${port}`;
/** The documentation site: another origin (localhost, not 127.0.0.1), served by page.route. */
const HOST = `http://localhost:${port}`;
/** A third origin, for a frame that must not be able to drive the embed. */
const STRANGER = 'http://stranger.test';

/** A recorded run: ITSOLNX1 relocated from ITSOSSI1 to ITSOSSI2 one simulated second in. */
function packedInputs(): string {
	const inputs = [
		{
			at: 1000,
			input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2' }
		}
	];
	return deflateRawSync(Buffer.from(JSON.stringify(inputs))).toString('base64url');
}

/**
 * Serves a host page at HOST/<name> that iframes the embed with `params`, records every
 * Quiesce message that reaches it (window.received) and can post to the embed (window.send).
 */
async function hostPage(page: Page, params: string, extra = '') {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>Docs</h1>
<iframe id="embed" title="Quiesce embed" style="width: 900px; height: 400px" src="${APP}/embed/#${params}"></iframe>
${extra}
<script>
	window.received = [];
	window.addEventListener('message', (e) => {
		if (e.data && e.data.quiesce === 1) window.received.push({ origin: e.origin, fromEmbed: e.source === document.getElementById('embed').contentWindow, data: e.data });
	});
	window.send = (message) => document.getElementById('embed').contentWindow.postMessage(message, '${APP}');
</script></body></html>`;
	await openHost(page, html);
}

/**
 * Shows `html` as a page of HOST: the app's server under the other name (a loopback origin,
 * so Chromium's local-network checks let it frame the app), its document replaced.
 */
async function openHost(page: Page, html: string) {
	await page.goto(`${HOST}/embed/?host=page`);
	await page.setContent(html);
	expect(await page.evaluate(() => window.location.origin)).toBe(HOST);
}

type Received = { origin: string; fromEmbed: boolean; data: Record<string, unknown> };

const received = (page: Page) =>
	page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** Waits for a message matching `match` and returns it. */
async function waitFor(
	page: Page,
	match: (m: Received) => boolean,
	timeout = 15_000
): Promise<Received> {
	let found: Received | undefined;
	await expect
		.poll(
			async () => {
				found = (await received(page)).find(match);
				return found !== undefined;
			},
			{ timeout }
		)
		.toBe(true);
	return found!;
}

const reply = (id: string) => (m: Received) => m.data.kind === 'reply' && m.data.id === id;
const event = (name: string) => (m: Received) => m.data.kind === 'event' && m.data.event === name;

async function send(page: Page, message: Record<string, unknown>) {
	await page.evaluate(
		(m) => (window as unknown as { send: (m: unknown) => void }).send(m),
		message
	);
}

function isMainFrame(page: Page, r: Request): boolean {
	try {
		return r.frame() === page.mainFrame();
	} catch {
		// A worker's request has no frame.
		return false;
	}
}

/**
 * Every request made to an origin other than the app's, leaving out the host page itself (the
 * app's error page under HOST, whose document openHost replaces) and the stranger's frame.
 */
function foreignRequests(page: Page): string[] {
	const foreign: string[] = [];
	page.on('request', (r: Request) => {
		const url = r.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (url.startsWith(`${HOST}/`) && isMainFrame(page, r)) return;
		if (url.startsWith(`${STRANGER}/`)) return;
		if (!url.startsWith(`${APP}/`)) foreign.push(url);
	});
	return foreign;
}

test('a host page on another origin drives the embed through postMessage and hears its events', async ({
	page
}) => {
	test.setTimeout(90_000);
	const foreign = foreignRequests(page);
	const params = `v=1&scenario=itsossia&seed=1&t=600000&inputs=${packedInputs()}&to=600000&origin=${encodeURIComponent(HOST)}`;
	await hostPage(page, params);

	const ready = await waitFor(page, event('ready'), 30_000);
	expect(ready.origin).toBe(APP);
	expect(ready.fromEmbed).toBe(true);
	expect(ready.data, JSON.stringify(ready.data)).toMatchObject({
		ok: true,
		state: { t: 0, playing: false, range: { from: 0, to: 600000 }, scenario: { id: 'itsossia' } }
	});
	const embed = page.frameLocator('#embed');
	await expect(embed.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(embed.getByRole('link', { name: /Open in Quiesce/ })).toHaveAttribute(
		'href',
		/scenario=itsossia/
	);
	// Height events for auto-resize.
	const height = await waitFor(page, event('height'));
	expect(height.data.height).toBeGreaterThan(100);

	// speed, seek (clamped to the range), step, pause: each answered with the state after it.
	await send(page, { quiesce: 1, kind: 'command', id: 'speed', command: 'speed', speed: 1000 });
	expect((await waitFor(page, reply('speed'))).data).toMatchObject({
		ok: true,
		command: 'speed',
		state: { speed: 1000 }
	});
	await send(page, { quiesce: 1, kind: 'command', id: 'seek', command: 'seek', t: 900_000 });
	expect((await waitFor(page, reply('seek'))).data).toMatchObject({
		ok: true,
		state: { t: 600000 }
	});
	await send(page, { quiesce: 1, kind: 'command', id: 'back', command: 'seek', t: 0 });
	expect((await waitFor(page, reply('back'))).data).toMatchObject({ ok: true, state: { t: 0 } });
	await send(page, { quiesce: 1, kind: 'command', id: 'step', command: 'step' });
	const stepped = (await waitFor(page, reply('step'))).data as {
		ok: boolean;
		state: { t: number };
	};
	expect(stepped.ok).toBe(true);
	expect(stepped.state.t).toBeGreaterThan(0);

	// Play: the recorded relocation runs again, ends (an event), and play stops at `to`.
	await send(page, { quiesce: 1, kind: 'command', id: 'play', command: 'play' });
	expect((await waitFor(page, reply('play'))).data).toMatchObject({ ok: true });
	await waitFor(page, (m) => event('state')(m) && (m.data.state as { playing: boolean }).playing);
	const finished = await waitFor(page, event('relocation-finished'), 45_000);
	expect(finished.data.relocation).toMatchObject({
		user: 'ITSOLNX1',
		from: 'ITSOSSI1',
		to: 'ITSOSSI2',
		outcome: 'Relocated'
	});
	await waitFor(
		page,
		(m) =>
			event('state')(m) &&
			!(m.data.state as { playing: boolean }).playing &&
			(m.data.state as { t: number }).t === 600000,
		45_000
	);
	await send(page, { quiesce: 1, kind: 'command', id: 'pause', command: 'pause' });
	expect((await waitFor(page, reply('pause'))).data).toMatchObject({
		ok: true,
		state: { playing: false }
	});

	// Bad commands: answered with an error naming the field.
	await send(page, { quiesce: 1, kind: 'command', id: 'bad', command: 'seek', t: 'soon' });
	expect((await waitFor(page, reply('bad'))).data).toMatchObject({
		ok: false,
		error: expect.stringMatching(/^t: must be a number/)
	});
	await send(page, { quiesce: 2, kind: 'command', id: 'v2', command: 'play' });
	expect((await waitFor(page, reply('v2'))).data.error).toMatch(
		/^quiesce: version 2 is not supported/
	);
	await send(page, { quiesce: 1, kind: 'command', id: 'nope', command: 'load', scenario: 'nope' });
	expect((await waitFor(page, reply('nope'))).data).toMatchObject({
		ok: false,
		error: expect.stringMatching(/^scenario: .*nope/)
	});
	await send(page, {
		quiesce: 1,
		kind: 'command',
		id: 'inline',
		command: 'load',
		scenario: { name: 'not a scenario' }
	});
	expect((await waitFor(page, reply('inline'))).data).toMatchObject({ ok: false });

	// Load: another scenario, the range opened.
	await send(page, {
		quiesce: 1,
		kind: 'command',
		id: 'load',
		command: 'load',
		scenario: 'itsossib',
		seed: 3
	});
	expect((await waitFor(page, reply('load'), 30_000)).data).toMatchObject({
		ok: true,
		state: { scenario: { id: 'itsossib' }, range: { from: 0, to: null } }
	});
	await expect(embed.getByRole('link', { name: /Open in Quiesce/ })).toHaveAttribute(
		'href',
		/scenario=itsossib/
	);

	// Every message reached the host from the embed, at the app's origin.
	for (const m of await received(page)) {
		expect(m.origin).toBe(APP);
		expect(m.fromEmbed).toBe(true);
	}
	expect(foreign).toEqual([]);
});

test('messages from another window or another origin are ignored', async ({ page }) => {
	// A frame from a third origin posts to the embed (its window is not the embed's parent), and
	// a second embed told a different host origin hears the real host (its origin does not match).
	const stranger = `<iframe id="stranger" title="Stranger" src="${STRANGER}/stranger.html"></iframe>
<iframe id="other" title="Other embed" style="width: 600px; height: 300px" src="${APP}/embed/#scenario=itsossib&origin=${encodeURIComponent(STRANGER)}"></iframe>`;
	await page.route(`${STRANGER}/stranger.html`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><html lang="en"><title>Stranger</title><script>
				window.poke = () => window.parent.frames[0].postMessage({ quiesce: 1, kind: 'command', id: 'evil', command: 'play' }, '*');
			</script></html>`
		})
	);
	await hostPage(page, `scenario=itsossib&origin=${encodeURIComponent(HOST)}`, stranger);
	await waitFor(page, event('ready'), 30_000);
	await expect(page.frameLocator('#other').getByRole('heading', { level: 1 })).toBeVisible();

	const strangerFrame = page.frame({ url: `${STRANGER}/stranger.html` })!;
	await strangerFrame.evaluate(() => (window as unknown as { poke: () => void }).poke());
	await page.evaluate((app) => {
		const other = document.getElementById('other') as HTMLIFrameElement;
		other.contentWindow!.postMessage(
			{ quiesce: 1, kind: 'command', id: 'other', command: 'play' },
			app
		);
	}, APP);
	// A command from the host itself still gets its answer, after the others: nothing played.
	await page.waitForTimeout(500);
	await send(page, { quiesce: 1, kind: 'command', id: 'check', command: 'pause' });
	expect((await waitFor(page, reply('check'))).data).toMatchObject({
		ok: true,
		state: { playing: false }
	});
	const all = await received(page);
	expect(all.filter((m) => m.data.id === 'evil' || m.data.id === 'other')).toEqual([]);
	await expect(page.frameLocator('#embed').getByRole('button', { name: 'Play' })).toBeVisible();
	await expect(page.frameLocator('#other').getByRole('button', { name: 'Play' })).toBeVisible();
});

test('bad parameters are shown inside the embed, naming each one', async ({ page }) => {
	await page.goto('/embed/?theme=blue&to=abc&panels=map');
	const alert = page.getByRole('alert');
	await expect(
		alert.getByRole('heading', { name: 'This Quiesce embed could not start' })
	).toBeVisible();
	await expect(alert).toContainText('theme: "blue" is not a theme');
	await expect(alert).toContainText('to: "abc" is not a number');
	await expect(alert).toContainText('panels: "map" is not one of');
});

test('the embed shows the panels and controls asked for, in the theme asked for', async ({
	page
}) => {
	await page.goto('/embed/#scenario=itsossia&panels=members,log&controls=play&theme=projector');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
	await expect(page.getByRole('region', { name: 'Members' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Events, newest first' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Topology' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Step' })).toHaveCount(0);
	await expect(page.getByLabel('Time')).toHaveCount(0);
	// No site header or navigation: minimal chrome.
	await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('embed.js: <quiesce-embed> makes its iframe lazily, resizes it and relays the API', async ({
	page
}) => {
	test.setTimeout(60_000);
	const foreign = foreignRequests(page);
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element host</title>
<script src="${APP}/embed.js" defer></script></head><body>
<h1>Docs</h1><div style="height: 4000px">Scroll down</div>
<quiesce-embed scenario="itsossib" panels="status,members" controls="play" height="150"></quiesce-embed>
<script>
	window.events = [];
	document.querySelector('quiesce-embed').addEventListener('quiesce-ready', (e) => window.events.push(e.detail));
</script></body></html>`;
	await openHost(page, html);
	const element = page.locator('quiesce-embed');
	const frame = element.locator('iframe');
	// Far below the fold: no iframe yet, and nothing fetched from the app but the script.
	await page.waitForTimeout(300);
	await expect(frame).toHaveCount(0);
	await element.scrollIntoViewIfNeeded();
	await expect(frame).toHaveCount(1);
	await expect(frame).toHaveAttribute('loading', 'lazy');
	await expect(frame).toHaveAttribute('title', 'Quiesce: z/VM SSI cluster lab');
	await expect(frame).toHaveAttribute(
		'src',
		new RegExp(
			`^${APP}/embed/#scenario=itsossib&panels=status%2Cmembers&controls=play&origin=${encodeURIComponent(HOST)}$`
		)
	);
	await expect(
		page.frameLocator('quiesce-embed iframe').getByRole('region', { name: 'Members' })
	).toBeVisible();
	// The embed's height events size the iframe to its content.
	await expect
		.poll(async () => frame.evaluate((f) => f.getBoundingClientRect().height), { timeout: 15_000 })
		.toBeGreaterThan(150);
	// Sized to its content: the embed's document needs no scroll bar.
	await expect
		.poll(() =>
			page
				.frameLocator('quiesce-embed iframe')
				.locator('html')
				.evaluate((h) => h.scrollHeight - h.clientHeight)
		)
		.toBeLessThanOrEqual(1);
	// DOM events and the methods.
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { events: unknown[] }).events.length))
		.toBe(1);
	const r = await element.evaluate((el) =>
		(el as HTMLElement & { play(): Promise<unknown> }).play()
	);
	expect(r).toMatchObject({
		quiesce: 1,
		kind: 'reply',
		command: 'play',
		ok: true,
		state: { playing: true }
	});
	const p = await element.evaluate((el) =>
		(el as HTMLElement & { pause(): Promise<unknown> }).pause()
	);
	expect(p).toMatchObject({ ok: true, state: { playing: false } });
	const bad = await element.evaluate((el) =>
		(el as HTMLElement & { setSpeed(x: number): Promise<unknown> }).setSpeed(0)
	);
	expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^speed:/) });
	expect(foreign).toEqual([]);
});

test("the lab's Embed button writes the snippets for the run on screen", async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openLab(page, '?scenario=itsossia');
	await page
		.getByRole('group', { name: 'Simulation controls' })
		.getByRole('button', { name: 'Pause' })
		.click();
	const opener = page.getByRole('button', { name: 'Embed', exact: true });
	await opener.click();
	const dialog = page.getByRole('dialog', { name: 'Embed this run' });
	await expect(dialog).toBeVisible();
	const iframeCode = dialog.getByLabel('Iframe snippet');
	await expect(iframeCode).toHaveValue(
		/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/#v=1&amp;scenario=itsossia&amp;seed=\d+&amp;t=\d+/
	);
	await expect(iframeCode).toHaveValue(/&amp;to=\d+/);
	await expect(iframeCode).toHaveValue(/loading="lazy"/);

	// Options change the snippet; a bad one is named and no snippet is offered.
	await dialog.getByRole('checkbox', { name: 'Event log' }).check();
	await dialog.getByRole('checkbox', { name: 'Autoplay' }).check();
	await dialog.getByLabel('Theme').selectOption('dark');
	await expect(iframeCode).toHaveValue(
		/autoplay=1&amp;panels=status%2Ctopology%2Cmembers%2Crelocations%2Clog&amp;theme=dark/
	);
	await dialog.getByLabel(/^Host page origin/).fill('https://docs.example.org/');
	await expect(dialog.getByRole('list', { name: 'Problems with the options' })).toContainText(
		'Host page origin:'
	);
	await expect(dialog.getByRole('button', { name: 'Copy iframe snippet' })).toBeDisabled();
	await dialog.getByLabel(/^Host page origin/).fill('https://docs.example.org');
	await expect(iframeCode).toHaveValue(/origin=https%3A%2F%2Fdocs.example.org/);

	const elementCode = dialog.getByLabel('embed.js snippet');
	await expect(elementCode).toHaveValue(
		/^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>\n<quiesce-embed v="1" scenario="itsossia" seed="\d+"/
	);
	await expect(elementCode).not.toHaveValue(/origin=/);

	await dialog.getByRole('button', { name: 'Copy iframe snippet' }).click();
	await expect(dialog.getByText('Copied')).toBeVisible();
	const clip = await page.evaluate(() => navigator.clipboard.readText());
	expect(clip).toBe(await iframeCode.inputValue());

	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
});
