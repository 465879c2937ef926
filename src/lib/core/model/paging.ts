/**
 * A member's paging space from its paging volumes (000 §3.4, App. A.1.8). A volume formatted
 * with a PAGE extent (CPFMTXA, 000 Example 5-1 ... 5-2) holds 180 pages a 3390 cylinder (15
 * tracks of 12 4K pages): cylinders 1-10016 of a 3390-9 are 1,802,880 pages, which QUERY ALLOC
 * PAGE prints as 1761K (000 Example A-23) and HCPRLL1813I as 7211520K (A.1.8).
 *
 * CP pages to a volume while its real device is attached to SYSTEM and online. "Add DASD for
 * paging space" (000 Example A-25) is modelled as ATTACH rdev TO SYSTEM of a volume that
 * already has its PAGE extent and a CP-owned slot: the member's paging space grows by its pages
 * at once. (z/VM also needs the volume in the CP_Owned list of SYSTEM CONFIG to keep it after
 * the next IPL; the simulator does not re-read SYSTEM CONFIG.)
 */
import { PAGE_BYTES } from '../engine/page-map';
import type { MemberResources, PagingVolume } from './guest-types';
import type { MemberState } from './types';

/** 3390 geometry: 15 tracks a cylinder, 12 4K pages a track. */
export const PAGES_PER_CYLINDER = 180;

/** Page slots of a volume's PAGE extent. */
export function volumePages(v: PagingVolume): number {
	return (v.lastCylinder - v.firstCylinder + 1) * PAGES_PER_CYLINDER;
}

/** Whether CP pages to the volume: its device is attached to SYSTEM and online. */
export function pagingInUse(res: MemberResources, v: PagingVolume): boolean {
	const d = res.devices.find((x) => x.rdev === v.rdev);
	return d !== undefined && d.owner === 'SYSTEM' && d.online;
}

/** The volumes CP pages to, in real device order (000 Example A-25 lists 9C21 before 9E2F). */
export function activePagingVolumes(res: MemberResources): PagingVolume[] {
	return res.pagingVolumes
		.filter((v) => pagingInUse(res, v))
		.sort((a, b) => (a.rdev < b.rdev ? -1 : a.rdev > b.rdev ? 1 : 0));
}

/** The paging volume on a real device, or undefined. */
export function pagingVolumeOn(res: MemberResources, rdev: string): PagingVolume | undefined {
	return res.pagingVolumes.find((v) => v.rdev === rdev);
}

/**
 * Makes the member's paging space and paging in use (which the LGR storage checks read,
 * lgr/storage.ts) the sum of its active paging volumes. A member whose scenario gives no
 * volumes keeps the sizes the scenario gives.
 */
export function syncPaging(m: MemberState): void {
	const res = m.resources;
	if (res.pagingVolumes.length === 0) return;
	const active = activePagingVolumes(res);
	m.pagingBytes = active.reduce((n, v) => n + volumePages(v), 0) * PAGE_BYTES;
	res.pagingInUseBytes = active.reduce((n, v) => n + v.inUsePages, 0) * PAGE_BYTES;
}
