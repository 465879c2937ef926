import type { ScenarioSpec } from '../config/scenario-types';
import { heapPush } from '../sim/event-queue';
import { nextInt, seedPrng } from '../sim/prng';
import { DEFAULT_PARAMS, type SimState } from '../sim/state';
import { clusterConfig } from '../config/cluster-config';
import { parseSystemConfig } from '../config/system-config';
import { parseUserDirect } from '../config/user-direct';
import { implicitDomains } from './domains';
import { buildGuest } from './guest-definition';
import { buildLink, linkFromDevices } from './link';
import { attachDevice, memberResources } from './member-resources';
import { syncPaging } from './paging';
import type { DomainState, GuestState, MemberState } from './types';

/**
 * The state at simulated time 0 of a scenario. Members that start Joined have already joined
 * (the cluster is Stable); each gets a seeded heartbeat phase so that PDR time stamps differ as
 * they do in 000 Example 2-5. `seed` overrides the scenario's own.
 */
export function buildInitialState(spec: ScenarioSpec, seed = spec.seed): SimState {
	const rng = seedPrng(seed);
	const config = clusterConfig(spec.systemConfig, spec.cluster.members);
	const parsedConfig = spec.systemConfig === null ? null : parseSystemConfig(spec.systemConfig);
	const systemConfig = parsedConfig?.ok ? parsedConfig.value : null;
	const parsedDirectory = spec.directory === null ? null : parseUserDirect(spec.directory);
	const directory = parsedDirectory?.ok ? parsedDirectory.value : null;
	const params = { ...DEFAULT_PARAMS, ...spec.params };
	const names = spec.cluster.members.map((m) => m.name);
	const slots: (string | null)[] = [1, 2, 3, 4].map((s) => {
		const m = spec.cluster.members.find((x) => x.slot === s);
		return m ? (config?.systemIds[m.name] ?? m.systemId) : null;
	});
	const members: MemberState[] = [...spec.cluster.members]
		.sort((a, b) => a.slot - b.slot)
		.map((m) => {
			const running = m.initial === 'Joined';
			const peers = names.filter((n) => n !== m.name);
			return {
				slot: m.slot,
				name: m.name,
				systemId: config?.systemIds[m.name] ?? m.systemId,
				islinkTo: config?.islinkNodes[m.name] ?? null,
				cec: m.cec,
				lpar: m.lpar,
				storageBytes: m.storageBytes,
				pagingBytes: m.pagingBytes,
				cpus: m.cpus,
				cpuType: m.cpuType,
				facilities: [...m.facilities],
				state: m.initial,
				detail: running ? null : 'shut down successfully',
				pdr: {
					state: m.initial,
					// A member that starts Down last wrote its record when it shut down: a day earlier.
					stamp: running ? spec.startEpochMs : spec.startEpochMs - 86_400_000,
					lastChange: m.name,
					detail: running ? null : 'shut down successfully'
				},
				received: Object.fromEntries(peers.map((p) => [p, running ? 0 : null])),
				views: Object.fromEntries(peers.map((p) => [p, 'ok' as const])),
				heartbeatPhaseMs: nextInt(rng, 0, params.heartbeatMs - 1),
				incarnation: running ? 1 : 0,
				upSince: running ? 0 : null,
				resources: memberResources(m, systemConfig, {
					directory: spec.directory,
					facts: spec.guests
				})
			};
		});
	const domains: DomainState[] = [
		...implicitDomains(members),
		...[...spec.cluster.domains, ...(config?.domains ?? [])]
			.filter((d, i, all) => all.findIndex((x) => x.name === d.name) === i)
			.map((d) => ({ name: d.name, members: [...d.members], implicit: false }))
	];
	const segments = spec.segments.map((s) => ({
		...s,
		ranges: [...s.ranges],
		members: [...s.members]
	}));
	const guests: GuestState[] = [];
	for (const g of spec.guests) {
		if (members.find((m) => m.name === g.on)?.state === 'Down') continue;
		const guest = buildGuest(g, { directory, members, domains, segments });
		if (!guest) continue;
		guests.push(guest);
		// A dedicated real device is attached to the guest on its member (000 Example A-13: q osa).
		const on = members.find((m) => m.name === g.on)!;
		for (const d of guest.devices)
			if (d.kind === 'dedicated') attachDevice(on.resources, d.rdev, g.user);
	}
	const state: SimState = {
		format: 'quiesce-sim/1',
		scenario: spec.name,
		seed,
		epochMs: spec.startEpochMs,
		now: 0,
		seq: 0,
		rng,
		queue: [],
		params,
		cluster: {
			name: spec.cluster.name,
			slots,
			mode: 'Stable',
			crossSystemTimeouts: spec.cluster.crossSystemTimeouts,
			pdr: { ...spec.cluster.pdr, locked: false, stamp: spec.startEpochMs },
			members,
			links: spec.cluster.links.map((l) =>
				l.devices
					? linkFromDevices(l.between[0], l.between[1], l.devices)
					: buildLink(l.between[0], l.between[1], l.chpids, l.ctcs, parseInt(l.firstRdev, 16))
			),
			domains,
			guests,
			segments
		},
		log: [{ t: 0, kind: 'sim.start', scenario: spec.name, seed }],
		console: [],
		inputs: [],
		relocations: []
	};
	for (const m of members) {
		if (m.state === 'Down') continue;
		heapPush(state.queue, {
			at: m.heartbeatPhaseMs,
			seq: state.seq++,
			event: { type: 'member.heartbeat', member: m.name, incarnation: m.incarnation }
		});
	}
	for (const m of members) syncPaging(m);
	for (const step of spec.script) {
		heapPush(state.queue, {
			at: step.at,
			seq: state.seq++,
			event: { type: 'input', input: step.input }
		});
	}
	return state;
}
