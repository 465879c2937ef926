// The `machines` request: the worker reads the member, cluster-mode and relocation machines'
// graphs from their XState definitions, so that the page draws the live state charts without
// loading XState (issue 4, "Live state charts ... drawn as state diagrams from their XState
// definitions (no network calls)").
import { describe, expect, it } from 'vitest';
import { clusterModeMachine } from '$lib/core/machines/cluster-mode.machine';
import { machineGraph } from '$lib/core/machines/graph';
import { memberMachine } from '$lib/core/machines/member.machine';
import { relocationMachine } from '$lib/core/machines/relocation.machine';
import { parseRequest } from '$lib/worker/protocol';
import { harness } from './host-harness';

describe('the machines request', () => {
	it('is a request of its own, without fields', () => {
		expect(parseRequest({ id: 4, type: 'machines' })).toEqual({
			ok: true,
			request: { id: 4, type: 'machines' }
		});
	});

	it('answers with the three graphs, read from the machines, before any scenario is loaded', () => {
		const reply = harness().send({ type: 'machines' });
		if (reply.type !== 'ok' || reply.of !== 'machines') throw new Error(JSON.stringify(reply));
		expect(reply.member).toEqual(machineGraph(memberMachine));
		expect(reply.clusterMode).toEqual(machineGraph(clusterModeMachine));
		expect(reply.relocation).toEqual(machineGraph(relocationMachine));
		// Plain data: it survives the structured clone a worker message goes through.
		expect(structuredClone(reply.relocation)).toEqual(reply.relocation);
		expect(reply.relocation.nodes.map((n) => n.id)).toContain('FinalMemCopy');
	});
});
