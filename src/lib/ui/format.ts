/**
 * Small display formatters for the lab views. Simulated time only: nothing here reads the
 * host clock.
 */
import type { PeerView } from '../core/model/types';

/** Elapsed simulated time as `m:ss.mmm` (or `h:mm:ss.mmm` past an hour). */
export function formatElapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms));
	const milli = total % 1000;
	const secs = Math.floor(total / 1000);
	const s = secs % 60;
	const m = Math.floor(secs / 60) % 60;
	const h = Math.floor(secs / 3600);
	const tail = `${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${tail}` : `${m}:${tail}`;
}

/** Storage sizes the way z/VM people say them (20G, 7044M). */
export function formatBytes(bytes: number): string {
	const units = ['', 'K', 'M', 'G', 'T'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1 && Number.isInteger(v / 1024)) {
		v /= 1024;
		i++;
	}
	return `${v}${units[i]}`;
}

/** A playback speed as `0.1×`, `100×`. */
export function formatSpeed(speed: number): string {
	return `${speed}×`;
}

/** What a member shows for a peer it sees one way or another. */
export function peerViewLabel(view: PeerView): string {
	switch (view) {
		case 'ok':
			return 'in contact';
		case 'unknown':
			return 'Unknown';
		case 'unreachable':
			return 'Unreachable';
	}
}

/** Display form of a link id (`A-B` → `A–B`). */
export function linkLabel(between: readonly [string, string]): string {
	return `${between[0]}–${between[1]}`;
}

const counts = new Intl.NumberFormat('en-US');

/** A count with thousands separators (`123,456`). */
export function formatCount(n: number): string {
	return counts.format(n);
}

/** A simulated duration: `850 ms` below a second, `43.1 s` below a minute, `2 min 05 s` above. */
export function formatDuration(ms: number): string {
	const v = Math.max(0, ms);
	if (Math.round(v) < 1000) return `${Math.round(v)} ms`;
	if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
	const s = Math.round(v / 1000);
	return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
