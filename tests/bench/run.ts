// `npm run bench`: speed and memory of the simulation core, and the lab's speed in Chromium,
// measured in one run and reported as one JSON object on stdout (ratios and figures, never
// pass/fail). Progress goes to stderr. BENCH_UI=0 leaves out the browser part (`ui`, `lighthouse`).
import { buildInitialState } from '../../src/lib/core/model/build';
import { loadBuiltin } from '../../src/lib/core/scenarios/index';
import { Simulation } from '../../src/lib/core/simulation';
import { benchEngine } from './engine';
import {
	benchLighthouse,
	benchUi,
	emptyLighthouse,
	emptyUi,
	serveSite,
	type LighthouseBench,
	type UiBench
} from './ui';

function spec(id: string) {
	const r = loadBuiltin(id);
	if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
	return r.value;
}

/** Simulated ms per wall ms for a scenario run to `simMs`, with a crash and re-IPL mid-way. */
function speedup(id: string, simMs: number): { ratio: number; events: number; wallMs: number } {
	const s = spec(id);
	const sim = new Simulation(buildInitialState(s));
	const first = s.cluster.members[s.cluster.members.length - 1]!.name;
	const t0 = performance.now();
	sim.runUntil(simMs / 3);
	sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: first } });
	sim.runUntil((2 * simMs) / 3);
	sim.apply({ kind: 'ipl', member: first });
	sim.runUntil(simMs);
	const wallMs = performance.now() - t0;
	return { ratio: simMs / wallMs, events: sim.state.log.length, wallMs };
}

function snapshotCost(id: string): { bytes: number; roundTripMs: number } {
	const sim = new Simulation(buildInitialState(spec(id)));
	sim.runUntil(3_600_000);
	const t0 = performance.now();
	const json = sim.snapshot();
	Simulation.restore(json);
	return { bytes: json.length, roundTripMs: performance.now() - t0 };
}

process.stderr.write('bench: SSI cluster kernel…\n');
speedup('itsossia', 600_000); // warm-up
const four = speedup('itsossia', 24 * 3_600_000);
const two = speedup('itsossib', 24 * 3_600_000);
const snap = snapshotCost('itsossia');
const engine = benchEngine();
const heapUsedMiB = Number((process.memoryUsage().heapUsed / 2 ** 20).toFixed(1));
const { ui, lighthouse } = await browserBench();
const report = {
	node: process.version,
	...engine,
	ssi: {
		simSpeedup: { itsossia24h: Math.round(four.ratio), itsossib24h: Math.round(two.ratio) },
		wallMs: { itsossia24h: Math.round(four.wallMs), itsossib24h: Math.round(two.wallMs) },
		snapshot: { itsossia1hBytes: snap.bytes, roundTripMs: Number(snap.roundTripMs.toFixed(2)) }
	},
	heapUsedMiB,
	ui,
	lighthouse
};
process.stdout.write(JSON.stringify(report) + '\n');

/**
 * The lab in Chromium and Lighthouse (ui.ts). Whatever fails is reported as null with the
 * reason on stderr; nothing they or the tools they drive print may reach stdout, which carries
 * only the JSON object.
 */
async function browserBench(): Promise<{ ui: UiBench; lighthouse: LighthouseBench }> {
	const ui = emptyUi();
	const lighthouse = emptyLighthouse();
	if (process.env.BENCH_UI === '0') {
		process.stderr.write('bench: BENCH_UI=0: the lab in Chromium and Lighthouse left out\n');
		return { ui, lighthouse };
	}
	const stdoutWrite = process.stdout.write;
	process.stdout.write = process.stderr.write.bind(process.stderr) as typeof stdoutWrite;
	const fail = (what: string, e: unknown) =>
		process.stderr.write(`bench: ${what} not measured: ${e instanceof Error ? e.stack : e}\n`);
	try {
		const site = await serveSite();
		try {
			try {
				Object.assign(ui, await benchUi(site));
			} catch (e) {
				fail('ui', e);
			}
			try {
				Object.assign(lighthouse, await benchLighthouse(site.url('/')));
			} catch (e) {
				fail('lighthouse', e);
			}
		} finally {
			await site.close();
		}
	} catch (e) {
		fail('ui and lighthouse (no site)', e);
	} finally {
		process.stdout.write = stdoutWrite;
	}
	return { ui, lighthouse };
}
