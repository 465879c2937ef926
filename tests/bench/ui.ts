// The lab in a real browser (issue "Speed (benchmarks, not tests)"): the built-in scenario
// `bench-three` (three concurrent relocations, one of a 256 GiB guest) played at 100x for 30 s of
// wall time in Chromium, with the main thread's frame intervals, long tasks and long animation
// frames, the JavaScript the lab route loads (gzipped), and Lighthouse's performance and
// accessibility scores. Called by run.ts, which prints the one JSON object; progress goes to
// stderr. Never pass/fail: whatever cannot be measured here is reported as null, with the reason
// on stderr.
//
// The site is built from a copy of the working tree in a temporary directory (the adapter
// writes to `build/` and SvelteKit to `.svelte-kit/` of the project it runs in, and other work
// rebuilds those of /work/main at any time), then served from there by Vite's preview server.
// BENCH_UI_BUILD=reuse serves a copy of the existing `build/` instead (built first if missing).
// BENCH_UI_SITE=dir serves an already built site as it is (e.g. one built with --sourcemap);
// BENCH_UI_TRACE=file.json also records a Chrome trace of the measured window.
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	unlinkSync
} from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { chromium, devices, type Response } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath, launchOptions } from '../browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'bench-three';
const SPEED = 100;
/** Wall time measured at 100x: 30 s (BENCH_UI_SECONDS changes it, for trying the bench out). */
const MEASURE_MS =
	1000 * (Number(process.env.BENCH_UI_SECONDS) > 0 ? Number(process.env.BENCH_UI_SECONDS) : 30);
/** What the copy of the working tree needs to build the site. */
const BUILD_INPUTS = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json'
];

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

/** The UI figures of the benchmark JSON (`ui.*`); null where they could not be measured. */
export interface UiBench {
	scenario: string;
	speed: number;
	measuredMs: number | null;
	frames: number | null;
	p50FrameMs: number | null;
	p95FrameMs: number | null;
	p99FrameMs: number | null;
	maxFrameMs: number | null;
	/** Frames over 20 ms (the p95 target), a count. */
	framesOver20Ms: number | null;
	/** Long tasks (over 50 ms) on the main thread during the 30 s, after the first load. */
	longTasks: number | null;
	worstLongTaskMs: number | null;
	/** Long tasks from navigation until the measurement started (the first load). */
	longTasksDuringLoad: number | null;
	longAnimationFrames: number | null;
	worstLoafMs: number | null;
	worstLoafBlockingMs: number | null;
	/**
	 * JavaScript the lab route loads, each file gzipped at level 9, summed (KiB): everything, the
	 * lazily loaded Charts area with each of its tabs visited included.
	 */
	labJsGzipKiB: number | null;
	/** ... of which what the first load fetches (the Charts area loads when scrolled near). */
	labJsInitialGzipKiB: number | null;
	/** ... of which the page (main thread) and the simulation worker. */
	labJsMainGzipKiB: number | null;
	labJsWorkerGzipKiB: number | null;
	labJsRawKiB: number | null;
	labJsFiles: number | null;
	relocationsStarted: number | null;
	relocationsCompleted: number | null;
	/** The lab's clock ("elapsed") when the measurement started and ended. */
	simStart: string | null;
	finalSimTime: string | null;
	finalSimMs: number | null;
	/** Simulated ms per wall ms over the 30 s (100 if the worker kept up). */
	achievedSpeed: number | null;
	/** Share of the 30 s the main thread spent running tasks (CDP Performance TaskDuration). */
	mainThreadBusyPct: number | null;
	/**
	 * The host's 1-minute load average as the window started: the machine's few cores are shared
	 * with other work, which shows in the frame figures when it is high.
	 */
	loadAvg1m: number | null;
}

export interface LighthouseBench {
	performance: number | null;
	accessibility: number | null;
	formFactor: string | null;
}

const round = (x: number, d = 1) => Number(x.toFixed(d));
const kib = (bytes: number) => round(bytes / 1024, 1);

/** The UI keys all null (Chromium missing, the build failed, ...). */
export function emptyUi(): UiBench {
	return {
		scenario: SCENARIO,
		speed: SPEED,
		measuredMs: null,
		frames: null,
		p50FrameMs: null,
		p95FrameMs: null,
		p99FrameMs: null,
		maxFrameMs: null,
		framesOver20Ms: null,
		longTasks: null,
		worstLongTaskMs: null,
		longTasksDuringLoad: null,
		longAnimationFrames: null,
		worstLoafMs: null,
		worstLoafBlockingMs: null,
		labJsGzipKiB: null,
		labJsInitialGzipKiB: null,
		labJsMainGzipKiB: null,
		labJsWorkerGzipKiB: null,
		labJsRawKiB: null,
		labJsFiles: null,
		relocationsStarted: null,
		relocationsCompleted: null,
		simStart: null,
		finalSimTime: null,
		finalSimMs: null,
		achievedSpeed: null,
		mainThreadBusyPct: null,
		loadAvg1m: null
	};
}

export function emptyLighthouse(): LighthouseBench {
	return { performance: null, accessibility: null, formFactor: null };
}

// ---------------------------------------------------------------------------------------------
// The site

/** A served copy of the built site. */
export interface Site {
	/** Directory holding the built site (index.html, _app/...). */
	dir: string;
	/** Absolute URL of a path on the site, e.g. `/?scenario=bench-three`. */
	url(path: string): string;
	close(): Promise<void>;
}

function runVite(args: string[], cwd: string): { ok: boolean; output: string } {
	const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
		maxBuffer: 64 * 2 ** 20
	});
	return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}` };
}

/** Builds the working tree in a temporary copy; returns the copy's directory. */
function freshBuild(): string {
	const work = mkdtempSync(join(tmpdir(), 'quiesce-bench-'));
	for (const f of BUILD_INPUTS) {
		if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(work, f), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
	log('ui: building the site in a copy of the working tree…');
	const r = runVite(['build'], work);
	if (!r.ok) {
		process.stderr.write(r.output.slice(-4000) + '\n');
		removeWork(work);
		throw new Error('vite build failed in the copy of the working tree (output above)');
	}
	// The client chunks as Vite lists them, for reading the bundle's make-up beside the figures.
	const chunks = r.output.split('\n').filter((l) => /output\/client\/.*\.js\s/.test(l));
	for (const l of chunks) log(`ui: chunk ${l.replace(/^.*output\/client\//, '').trim()}`);
	return work;
}

function removeWork(work: string): void {
	// The node_modules symlink first, so the removal can never follow it into the project.
	try {
		unlinkSync(join(work, 'node_modules'));
	} catch {
		/* not there */
	}
	rmSync(work, { recursive: true, force: true });
}

/** A copy of the project's `build/` (built first if missing), safe from a concurrent rebuild. */
function snapshotBuild(): string {
	const build = join(ROOT, 'build');
	if (!existsSync(join(build, 'index.html'))) {
		log('ui: build/ is missing; running vite build…');
		const r = runVite(['build'], ROOT);
		if (!r.ok) {
			process.stderr.write(r.output.slice(-4000) + '\n');
			throw new Error('vite build failed (output above)');
		}
	}
	for (let attempt = 1; ; attempt++) {
		const work = mkdtempSync(join(tmpdir(), 'quiesce-bench-'));
		cpSync(build, join(work, 'build'), { recursive: true });
		const html = readFileSync(join(work, 'build/index.html'), 'utf8');
		const refs = [...html.matchAll(/["(]\.?\/?(_app\/[^"')]+)["')]/g)].map((m) => m[1]!);
		if (refs.length > 0 && refs.every((r) => existsSync(join(work, 'build', r)))) return work;
		removeWork(work);
		if (attempt >= 5) throw new Error('build/ keeps changing under the copy (a rebuild running?)');
		log('ui: build/ is being rebuilt; copying again in 5 s…');
		spawnSync('sleep', ['5']);
	}
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const a = s.address();
			const port = typeof a === 'object' && a ? a.port : 0;
			s.close(() => resolvePort(port));
		});
	});
}

/** Builds (or copies) the site and serves it with Vite's preview server on a free port. */
export async function serveSite(): Promise<Site> {
	const given = process.env.BENCH_UI_SITE;
	const work = given
		? null
		: process.env.BENCH_UI_BUILD === 'reuse'
			? snapshotBuild()
			: freshBuild();
	const dir = work ? join(work, 'build') : resolve(given!);
	const cleanup = () => {
		if (work) removeWork(work);
	};
	let server: PreviewServer;
	try {
		const port = await freePort();
		// Vite's own preview server (static files, compression) over the adapter's output; the
		// SvelteKit plugin is left out: its preview serves `.svelte-kit/output`, not `build/`.
		server = await preview({
			configFile: false,
			root: dir,
			logLevel: 'silent',
			build: { outDir: dir },
			preview: { host: '127.0.0.1', port, strictPort: true }
		});
		log(`ui: serving ${dir} at http://127.0.0.1:${port}/`);
		return {
			dir,
			url: (path) => new URL(path, `http://127.0.0.1:${port}/`).href,
			close: async () => {
				await server.close();
				cleanup();
			}
		};
	} catch (e) {
		cleanup();
		throw e;
	}
}

// ---------------------------------------------------------------------------------------------
// The lab under load

/**
 * Installed before any page script: records long tasks and long animation frames from the
 * start of navigation. A string, not a function: tsx's transform would add helpers to a
 * function's text that do not exist in the page.
 */
const OBSERVERS = `(() => {
	const store = { longTasks: [], loafs: [], frames: [], t0: null, running: false };
	window.__bench = store;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				store.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch (e) {
		store.longTaskError = String(e);
	}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				store.loafs.push({
					start: e.startTime,
					duration: e.duration,
					blocking: e.blockingDuration,
					scripts: (e.scripts || []).map((s) => ({
						invoker: s.invoker,
						type: s.invokerType,
						source: s.sourceURL,
						fn: s.sourceFunctionName,
						duration: s.duration
					}))
				});
		}).observe({ type: 'long-animation-frame', buffered: true });
	} catch (e) {
		store.loafError = String(e);
	}
})();`;

/** The lab's clock ("m:ss.mmm elapsed"), read in the page so that it is read at the same instant as the frames. */
const CLOCK = `(() => {
	for (const el of document.querySelectorAll('body *')) {
		if (el.childElementCount !== 0) continue;
		const t = (el.textContent || '').trim();
		if (/^[0-9:.]+ elapsed$/.test(t)) return t.replace(/ elapsed$/, '');
	}
	return '';
})()`;

const START_FRAMES = `(() => {
	const b = window.__bench;
	b.frames = [];
	b.running = true;
	b.t0 = performance.now();
	const tick = (t) => {
		if (!b.running) return;
		b.frames.push(t);
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
	return ${CLOCK};
})()`;

const STOP_FRAMES = `(() => {
	const b = window.__bench;
	b.running = false;
	return {
		clock: ${CLOCK},
		t0: b.t0,
		t1: performance.now(),
		frames: b.frames,
		longTasks: b.longTasks,
		loafs: b.loafs,
		errors: [b.longTaskError, b.loafError].filter(Boolean)
	};
})()`;

/** What BENCH_UI_TRACE=file.json records (open it in DevTools' Performance panel or Perfetto). */
const TRACE_CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'disabled-by-default-devtools.timeline.frame',
	'v8.execute',
	'disabled-by-default-v8.cpu_profiler',
	'blink.user_timing',
	'loading',
	'latencyInfo'
];

interface Loaf {
	start: number;
	duration: number;
	blocking: number;
	scripts: { invoker: string; type: string; source: string; fn: string; duration: number }[];
}
interface Collected {
	clock: string;
	t0: number;
	t1: number;
	frames: number[];
	longTasks: { start: number; duration: number }[];
	loafs: Loaf[];
	errors: string[];
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

/** The lab's "m:ss.mmm elapsed" (or "h:mm:ss.mmm") clock, in ms. */
function parseElapsed(text: string): number | null {
	const m = /^(?:(\d+):)?(\d+):(\d+)\.(\d{3})$/.exec(text.trim());
	if (!m) return null;
	return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** Which site files a response was (paths under the served directory), with its encoded size. */
interface Loaded {
	file: string;
	encodedBytes: number | null;
	worker: boolean;
}

/** Plays `bench-three` at 100x for 30 s in Chromium and measures the main thread. */
export async function benchUi(site: Site): Promise<UiBench> {
	const out = emptyUi();
	if (!chromiumPath)
		log('ui: no system Chromium (CHROMIUM_PATH, /usr/bin/chromium); trying Playwright’s own');
	const browser = await chromium.launch(launchOptions);
	try {
		// No service worker: its install-time precache of every page would count as lab JS.
		const context = await browser.newContext({
			...devices['Desktop Chrome'],
			serviceWorkers: 'block'
		});
		await context.addInitScript({ content: OBSERVERS });
		const page = await context.newPage();
		const responses: Promise<Loaded | null>[] = [];
		const siteOrigin = new URL(site.url('/')).origin;
		const track = (r: Response, worker: boolean) => {
			const u = new URL(r.url());
			if (u.origin !== siteOrigin || !u.pathname.endsWith('.js')) return;
			responses.push(
				(async () => {
					const file = normalize(join(site.dir, decodeURIComponent(u.pathname)));
					if (!file.startsWith(site.dir + sep)) return null;
					const sizes = await r
						.request()
						.sizes()
						.catch(() => null);
					return { file, encodedBytes: sizes ? sizes.responseBodySize : null, worker };
				})()
			);
		};
		page.on('response', (r) => track(r, r.url().includes('/workers/')));
		page.on('worker', (w) => log(`ui: worker started: ${w.url().replace(siteOrigin, '')}`));
		page.on('pageerror', (e) => log(`ui: page error: ${e.message}`));

		await page.goto(site.url(`/?scenario=${SCENARIO}`), { waitUntil: 'load' });
		const speed = page.getByLabel('Speed', { exact: true });
		await speed.waitFor({ state: 'visible', timeout: 60_000 });
		const picked = await page.getByLabel('Scenario', { exact: true }).inputValue();
		if (picked !== SCENARIO) {
			const alert = (await page.getByRole('alert').allTextContents()).join(' ');
			throw new Error(`the lab did not load ${SCENARIO} (showing ${picked}): ${alert}`);
		}
		// The lab plays on load; pause, choose the speed, let the first load settle, then play.
		const pause = page.getByRole('button', { name: 'Pause', exact: true });
		if (await pause.isVisible()) await pause.click();
		await speed.selectOption(String(SPEED));
		await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
		await page.waitForTimeout(1_000);

		// Chromium's own main-thread counters (CDP Performance domain) around the window, to tell
		// script from style, layout and paint when frames are slow.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
		const metrics = async () =>
			Object.fromEntries(
				(await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])
			) as Record<string, number>;
		log(`ui: playing ${SCENARIO} at ${SPEED}x for ${MEASURE_MS / 1000} s…`);
		const trace = process.env.BENCH_UI_TRACE;
		if (trace)
			await browser.startTracing(page, {
				path: trace,
				screenshots: false,
				categories: TRACE_CATEGORIES
			});
		out.loadAvg1m = round(loadavg()[0]!, 2);
		const m0 = await metrics();
		const wall0 = Date.now();
		const simStart = (await page.evaluate(START_FRAMES)) as string;
		await page.getByRole('button', { name: 'Play', exact: true }).click();
		await page.waitForTimeout(MEASURE_MS);
		const c = (await page.evaluate(STOP_FRAMES)) as Collected;
		const wallMs = Date.now() - wall0;
		const m1 = await metrics();
		if (trace) {
			await browser.stopTracing();
			log(`ui: Chrome trace of the window written to ${trace}`);
		}
		const busy = (k: string) => ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000;
		out.mainThreadBusyPct = round((100 * busy('TaskDuration')) / wallMs, 1);
		log(
			`ui: main thread over ${wallMs} ms: tasks ${Math.round(busy('TaskDuration'))} ms, script ${Math.round(busy('ScriptDuration'))} ms, style ${Math.round(busy('RecalcStyleDuration'))} ms, layout ${Math.round(busy('LayoutDuration'))} ms; ${Math.round((m1.LayoutCount ?? 0) - (m0.LayoutCount ?? 0))} layouts, ${Math.round((m1.RecalcStyleCount ?? 0) - (m0.RecalcStyleCount ?? 0))} style recalcs; JS heap ${kib(m1.JSHeapUsedSize ?? 0)} KiB, ${m1.Nodes ?? '?'} DOM nodes`
		);
		const finalSimTime = c.clock;
		await page
			.getByRole('button', { name: 'Pause', exact: true })
			.click({ timeout: 5_000 })
			.catch(() => undefined);
		for (const e of c.errors) log(`ui: observer not supported: ${e}`);

		// Frames: intervals between successive requestAnimationFrame timestamps.
		const intervals = c.frames.slice(1).map((t, i) => t - c.frames[i]!);
		const sorted = [...intervals].sort((a, b) => a - b);
		if (sorted.length > 0) {
			out.frames = c.frames.length;
			out.p50FrameMs = round(percentile(sorted, 50));
			out.p95FrameMs = round(percentile(sorted, 95));
			out.p99FrameMs = round(percentile(sorted, 99));
			out.maxFrameMs = round(sorted[sorted.length - 1]!);
			out.framesOver20Ms = intervals.filter((x) => x > 20).length;
		}
		out.measuredMs = Math.round(c.t1 - c.t0);
		const during = c.longTasks.filter((t) => t.start >= c.t0);
		out.longTasks = during.length;
		out.worstLongTaskMs = during.length
			? Math.round(Math.max(...during.map((t) => t.duration)))
			: 0;
		out.longTasksDuringLoad = c.longTasks.length - during.length;
		const loafs = c.loafs.filter((f) => f.start >= c.t0);
		out.longAnimationFrames = loafs.length;
		out.worstLoafMs = loafs.length ? Math.round(Math.max(...loafs.map((f) => f.duration))) : 0;
		out.worstLoafBlockingMs = loafs.length
			? Math.round(Math.max(...loafs.map((f) => f.blocking)))
			: 0;
		reportLoafs(loafs, siteOrigin);
		for (const t of during)
			log(`ui: long task at +${Math.round(t.start - c.t0)} ms: ${Math.round(t.duration)} ms`);

		// Relocations and the clock, as the lab shows them.
		const panel = page.getByRole('region', { name: 'Relocations' });
		out.relocationsStarted = await panel.getByRole('article').count();
		out.relocationsCompleted = await panel.getByText(/^relocated$/).count();
		out.simStart = simStart;
		out.finalSimTime = finalSimTime;
		const s0 = parseElapsed(simStart);
		const s1 = parseElapsed(finalSimTime);
		out.finalSimMs = s1;
		if (s0 !== null && s1 !== null) out.achievedSpeed = round((s1 - s0) / (c.t1 - c.t0), 1);

		// The route's JavaScript: every .js file the page and its worker fetched from the site,
		// first as loaded, then with the Charts area and each of its tabs visited.
		const jsTotals = async () => {
			const loaded = new Map<string, Loaded>();
			for (const r of [...responses]) {
				const l = await r;
				if (l && !loaded.has(l.file)) loaded.set(l.file, l);
			}
			const t = { raw: 0, main: 0, worker: 0, files: loaded };
			for (const l of loaded.values()) {
				const bytes = readFileSync(l.file);
				const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
				t.raw += bytes.length;
				if (l.worker) t.worker += gz;
				else t.main += gz;
			}
			return t;
		};
		const initial = await jsTotals();
		const charts = page.getByRole('region', { name: 'Charts' });
		await charts.scrollIntoViewIfNeeded();
		for (const tab of await charts.getByRole('tab').all()) {
			await tab.click();
			await charts.getByRole('tabpanel').getByRole('img').first().waitFor({ timeout: 15_000 });
		}
		const all = await jsTotals();
		for (const l of all.files.values()) {
			const bytes = readFileSync(l.file);
			const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
			log(
				`ui: js ${l.file.slice(site.dir.length)} ${kib(bytes.length)} KiB, gzip ${kib(gz)} KiB, sent ${l.encodedBytes === null ? '?' : kib(l.encodedBytes)} KiB${l.worker ? ' (worker)' : ''}${initial.files.has(l.file) ? '' : ' (lazy)'}`
			);
		}
		out.labJsFiles = all.files.size;
		out.labJsRawKiB = kib(all.raw);
		out.labJsMainGzipKiB = kib(all.main);
		out.labJsWorkerGzipKiB = kib(all.worker);
		out.labJsGzipKiB = kib(all.main + all.worker);
		out.labJsInitialGzipKiB = kib(initial.main + initial.worker);
		await context.close();
	} finally {
		await browser.close();
	}
	return out;
}

/** The long animation frames' worst scripts, on stderr, for finding what made them long. */
function reportLoafs(loafs: Loaf[], origin: string): void {
	const worst = [...loafs].sort((a, b) => b.duration - a.duration).slice(0, 5);
	for (const f of worst) {
		const scripts = [...f.scripts]
			.sort((a, b) => b.duration - a.duration)
			.slice(0, 3)
			.map(
				(s) =>
					`${s.type} ${s.invoker} ${s.source.replace(origin, '')}${s.fn ? ` ${s.fn}()` : ''} ${Math.round(s.duration)} ms`
			);
		log(
			`ui: long animation frame ${Math.round(f.duration)} ms (blocking ${Math.round(f.blocking)} ms)${scripts.length ? ': ' + scripts.join('; ') : ''}`
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

/** Lighthouse (default config: mobile, simulated throttling) on the lab route, with the system Chromium. */
export async function benchLighthouse(url: string): Promise<LighthouseBench> {
	const { launch } = await import('chrome-launcher');
	const { default: lighthouse } = await import('lighthouse');
	log(`lighthouse: ${url}…`);
	const chrome = await launch({
		...(chromiumPath ? { chromePath: chromiumPath } : {}),
		chromeFlags: chromiumArgs,
		logLevel: 'silent'
	});
	try {
		const r = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility']
		});
		if (!r) throw new Error('Lighthouse returned no result');
		const lhr = r.lhr;
		if (lhr.runtimeError)
			log(`lighthouse: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
		for (const w of lhr.runWarnings) log(`lighthouse: warning: ${w}`);
		const score = (id: string) => {
			const s = lhr.categories[id]?.score;
			return typeof s === 'number' ? Math.round(s * 100) : null;
		};
		for (const id of [
			'first-contentful-paint',
			'largest-contentful-paint',
			'total-blocking-time',
			'cumulative-layout-shift',
			'speed-index',
			'interactive'
		]) {
			const a = lhr.audits[id];
			if (a) log(`lighthouse: ${id} ${a.displayValue ?? ''} (score ${a.score ?? 'n/a'})`);
		}
		// What moved (cumulative layout shift) and what kept the main thread busy during the load.
		const items = (id: string) =>
			(lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
		for (const it of items('layout-shifts').slice(0, 5)) {
			const node = it.node as { selector?: string; snippet?: string } | undefined;
			log(
				`lighthouse: layout shift ${Number(it.score ?? 0).toFixed(3)}: ${node?.selector ?? '?'} ${(node?.snippet ?? '').slice(0, 120)}`
			);
		}
		for (const it of items('bootup-time').slice(0, 4))
			log(
				`lighthouse: bootup ${String(it.url).replace(/^https?:\/\/[^/]+/, '')}: script ${Math.round(Number(it.scripting))} ms, total ${Math.round(Number(it.total))} ms`
			);
		for (const a of Object.values(lhr.audits)) {
			const ref = lhr.categories.accessibility?.auditRefs.find((x) => x.id === a.id);
			if (ref && ref.weight > 0 && a.score !== null && a.score < 1)
				log(`lighthouse: accessibility fails ${a.id}: ${a.title}`);
		}
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			formFactor: lhr.configSettings.formFactor
		};
	} finally {
		chrome.kill();
	}
}
