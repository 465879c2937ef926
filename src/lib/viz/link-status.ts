/** How a link is doing, as one word the views share (the topology, the link panel). */
import type { LinkView } from '../worker/protocol';

export type LinkHealth = 'full' | 'degraded' | 'down';

export function linkHealth(
	l: Pick<LinkView, 'up' | 'capacityMBps' | 'fullCapacityMBps' | 'workingCtcs' | 'totalCtcs'>
): LinkHealth {
	if (!l.up) return 'down';
	return l.capacityMBps < l.fullCapacityMBps || l.workingCtcs < l.totalCtcs ? 'degraded' : 'full';
}

export function linkHealthLabel(h: LinkHealth, severed: boolean): string {
	if (h === 'down') return severed ? 'Down (cut)' : 'Down';
	return h === 'degraded' ? 'Degraded' : 'Up';
}
