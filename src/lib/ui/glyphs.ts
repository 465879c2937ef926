/**
 * Which shape and colour stands for each member state, peer view and cluster mode. Shapes
 * differ as well as colours, so the views read without colour vision and in print.
 */
import type { ClusterMode, MemberStateName, PeerView } from '../core/model/types';

export type GlyphKind = MemberStateName | ClusterMode | 'Unknown' | 'Unreachable' | 'InContact';

/** CSS colour (a custom property) of a glyph kind. */
export function glyphColour(kind: GlyphKind): string {
	switch (kind) {
		case 'Joined':
		case 'InContact':
			return 'var(--c-joined)';
		case 'Joining':
			return 'var(--c-joining)';
		case 'Leaving':
			return 'var(--c-leaving)';
		case 'Suspended':
			return 'var(--c-suspended)';
		case 'Down':
			return 'var(--c-down)';
		case 'Isolated':
			return 'var(--c-isolated)';
		case 'Unknown':
			return 'var(--c-unknown)';
		case 'Unreachable':
			return 'var(--c-unreachable)';
		case 'Stable':
			return 'var(--c-stable)';
		case 'Influx':
			return 'var(--c-influx)';
		case 'Safe':
			return 'var(--c-safe)';
	}
}

export function peerGlyph(view: PeerView): GlyphKind {
	return view === 'ok' ? 'InContact' : view === 'unknown' ? 'Unknown' : 'Unreachable';
}
