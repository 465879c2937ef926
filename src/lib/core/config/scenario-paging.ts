/**
 * A member's `pagingVolumes`: the CP-owned volumes with a PAGE extent that QUERY ALLOC PAGE
 * lists (000 Example ), and how they fit the member's `paging` and `pagingInUse`
 * sizes: when volumes are given, those sizes are the sums over the attached ones (180 4K pages a
 * 3390 cylinder, model/paging.ts), and may be left out.
 */
import type { Checker, Obj } from './scenario';
import type { DeviceSpec, PagingVolumeSpec } from './scenario-types';
import { formatSize } from './sizes';
import { PAGES_PER_CYLINDER } from '../model/paging';
import { PAGE_BYTES } from '../engine/page-map';

/** Last cylinder of the largest 3390 the simulator takes (model 54: 65,520 cylinders). */
export const MAX_CYLINDER = 65_519;

const EXTENT = /^(\d{1,5})-(\d{1,5})$/;

/** Reads `pagingVolumes`; each volume's device must not also be in `devices`. */
export function readPagingVolumes(
	c: Checker,
	v: unknown,
	p: string,
	devices: readonly DeviceSpec[]
): PagingVolumeSpec[] {
	const out: PagingVolumeSpec[] = [];
	if (v === undefined) return out;
	c.arr(v, p)?.forEach((raw, i) => {
		const q = `${p}[${i}]`;
		const o = c.obj(raw, q);
		if (!o) return;
		const vol = readVolume(c, o, q);
		if (!vol) return;
		const listed = devices.find(
			(d) =>
				parseInt(d.first, 16) <= parseInt(vol.rdev, 16) &&
				parseInt(vol.rdev, 16) <= parseInt(d.last, 16)
		);
		if (listed)
			c.fail(`${q}.rdev`, `${vol.rdev} is a paging volume: do not list it in devices too`);
		else if (out.some((x) => x.rdev === vol.rdev))
			c.fail(`${q}.rdev`, `${vol.rdev} holds two paging volumes`);
		else if (out.some((x) => x.volser === vol.volser))
			c.fail(`${q}.volser`, `volume ${vol.volser} is listed twice`);
		else out.push(vol);
	});
	return out;
}

function readVolume(c: Checker, o: Obj, p: string): PagingVolumeSpec | undefined {
	c.known(o, p, ['volser', 'rdev', 'extent', 'inUse', 'highPage', 'attached']);
	const volser = c.str(o.volser, `${p}.volser`)?.toUpperCase();
	if (volser !== undefined && !/^[A-Z0-9@#$-]{1,6}$/.test(volser))
		c.fail(`${p}.volser`, `"${volser}" must be 1-6 letters, digits, @, #, $ or -`);
	const rdev = c.str(o.rdev, `${p}.rdev`)?.toUpperCase();
	if (rdev !== undefined && !/^[0-9A-F]{1,4}$/.test(rdev))
		c.fail(`${p}.rdev`, `"${rdev}" is not a device number (1-4 hex digits)`);
	const extentText = c.str(o.extent, `${p}.extent`);
	const m = extentText === undefined ? null : EXTENT.exec(extentText);
	let first: number | undefined;
	let last: number | undefined;
	if (extentText !== undefined && !m)
		c.fail(`${p}.extent`, `"${extentText}" is not a cylinder range such as 1-10016`);
	else if (m) {
		first = Number(m[1]);
		last = Number(m[2]);
		if (first < 1 || last > MAX_CYLINDER || first > last) {
			c.fail(
				`${p}.extent`,
				`"${extentText}" must run from cylinder 1 or later (0 holds the label) up to ${MAX_CYLINDER}, first to last`
			);
			first = undefined;
		}
	}
	const pages =
		first !== undefined && last !== undefined ? (last - first + 1) * PAGES_PER_CYLINDER : 0;
	const inUse = c.int(o.inUse, `${p}.inUse`, 0, Math.max(pages, 0), 0);
	const high = c.int(o.highPage, `${p}.highPage`, inUse ?? 0, Math.max(pages, 0), inUse ?? 0);
	const attached = c.bool(o.attached, `${p}.attached`, true);
	if (
		volser === undefined ||
		!/^[A-Z0-9@#$-]{1,6}$/.test(volser) ||
		rdev === undefined ||
		!/^[0-9A-F]{1,4}$/.test(rdev) ||
		first === undefined ||
		last === undefined ||
		inUse === undefined ||
		high === undefined
	)
		return undefined;
	return {
		volser,
		rdev: rdev.padStart(4, '0'),
		firstCylinder: first,
		lastCylinder: last,
		inUsePages: inUse,
		highPage: high,
		attached
	};
}

/**
 * The member's paging space and paging in use: the scenario's `paging` / `pagingInUse`, or the
 * sums over its attached paging volumes; when both are given they must agree. Returns undefined
 * (with an error) when `paging` is missing and no volume gives it.
 */
export function pagingSizes(
	c: Checker,
	o: Obj,
	p: string,
	volumes: readonly PagingVolumeSpec[],
	pagingInUseBytes: number
): { pagingBytes: number; pagingInUseBytes: number } | undefined {
	if (volumes.length === 0) {
		const pagingBytes = c.size(o.paging, `${p}.paging`);
		return pagingBytes === undefined ? undefined : { pagingBytes, pagingInUseBytes };
	}
	const attached = volumes.filter((v) => v.attached);
	const total =
		attached.reduce((n, v) => n + (v.lastCylinder - v.firstCylinder + 1) * PAGES_PER_CYLINDER, 0) *
		PAGE_BYTES;
	const inUse = attached.reduce((n, v) => n + v.inUsePages, 0) * PAGE_BYTES;
	if (o.paging !== undefined) {
		const given = c.size(o.paging, `${p}.paging`);
		if (given !== undefined && given !== total)
			c.fail(
				`${p}.paging`,
				`${formatSize(given)} differs from the ${formatSize(total)} of the attached paging volumes (leave it out to use theirs)`
			);
	}
	if (o.pagingInUse !== undefined && pagingInUseBytes !== inUse)
		c.fail(
			`${p}.pagingInUse`,
			`${formatSize(pagingInUseBytes)} differs from the ${formatSize(inUse)} in use on the attached paging volumes (leave it out to use theirs)`
		);
	return { pagingBytes: total, pagingInUseBytes: inUse };
}
