/**
 * The storage figures of the LGR memory and paging checks (000 §3.4, Figures 3-1 ... 3-4), as
 * CP prints them in HCPRLL1811I and HCPRLL1813I (000 Example 3-7, A.1.8, A.1.9).
 *
 * Formulas, worked out from the book's figures:
 *
 * - Page management blocks: 8 KB per megabyte of guest storage, i.e. 1/128 of it. A 10G guest's
 *   maximum pageable storage use is 10320M = 10240M + 80M (A.1.8); a 20G guest's is
 *   20640M = 20480M + 160M (Example 3-7, A.1.9).
 * - Maximum pageable storage use = maximum storage + its page management blocks + the guest's
 *   pageable CP overhead. Maximum storage use = that + its fixed CP overhead.
 * - Current (pageable) storage use: the same with the guest's resident pages and current size.
 * - Available auxiliary paging space = paging space − paging in use. One 3390-9 paging volume
 *   of 10016 cylinders holds 10016 × 180 = 1,802,880 pages = 7,211,520K, A.1.8's figure
 *   (Example A-23: "1761K" pages, 0 in use). Two such volumes with 1 page in use give
 *   14,423,036K (Example 3-7); with 3 pages in use, 14,423,028K (A.1.9).
 * - Available capacity = available real storage + available auxiliary paging space, where the
 *   available real storage is the member's storage less what CP and other work use (scenario
 *   `storageInUse`) and less the current storage use of the guests logged on to it.
 * - A figure "exceeds ... by" the difference of the two figures before rounding. The storage
 *   use in HCPRLL1813I is printed in whole megabytes, rounded down; every other figure in
 *   kilobytes. (The book notes the K figures of HCPRLL1813I were being corrected: they print
 *   as K, and the arithmetic above holds in K.)
 *
 * Check, A.1.8: 10G + 80M = 10,567,680K; 10,567,680K − 7,211,520K = 3,356,160K, as printed.
 * A.1.9 prints HCPRLL1813I "(20640M) ... (14423028K) by 6712613K" and HCPRLL1811I
 * "(21136204K) ... (19513900K) by 1622304K": 20G + 160M is 21,135,360K, so the guest there
 * used 281K more pageable and 563K more fixed CP storage (scenario `overhead`). Example 3-7
 * and A.1.8 show no overhead.
 */
import type { GuestState, MemberState } from '../types';

const K = 1024;
const M = 1024 * 1024;

/** Page management blocks of a guest of `bytes` storage: 8 KB per (started) megabyte. */
export function pgmbkBytes(bytes: number): number {
	return Math.ceil(bytes / M) * 8 * K;
}

/** A guest's storage figures. */
export interface GuestStorageUse {
	currentPageable: number;
	current: number;
	maxPageable: number;
	max: number;
}

/** The four storage-use figures of a guest, in bytes. */
export function guestStorageUse(g: Pick<GuestState, 'storage'>): GuestStorageUse {
	const s = g.storage;
	const currentPageable = s.residentBytes + pgmbkBytes(s.currentBytes) + s.overhead.pageableBytes;
	const maxPageable = s.maxBytes + pgmbkBytes(s.maxBytes) + s.overhead.pageableBytes;
	return {
		currentPageable,
		current: currentPageable + s.overhead.fixedBytes,
		maxPageable,
		max: maxPageable + s.overhead.fixedBytes
	};
}

/** What a destination member has to offer, in bytes. */
export interface DestinationStorage {
	availableStorage: number;
	availablePaging: number;
	capacity: number;
}

/**
 * A member's available real storage, auxiliary paging space and capacity, counting the guests
 * logged on to it (`guests` are all guests of the cluster; those on other members are ignored).
 */
export function destinationStorage(
	m: MemberState,
	guests: readonly GuestState[]
): DestinationStorage {
	const used = guests
		.filter((g) => g.on === m.name)
		.reduce((sum, g) => sum + guestStorageUse(g).current, 0);
	const availableStorage = Math.max(0, m.storageBytes - m.resources.storageInUseBytes - used);
	const availablePaging = Math.max(0, m.pagingBytes - m.resources.pagingInUseBytes);
	return { availableStorage, availablePaging, capacity: availableStorage + availablePaging };
}

/** Bytes as CP prints them in kilobytes: `7211520K`. */
export function inK(bytes: number): string {
	return `${Math.floor(bytes / K)}K`;
}

/** Bytes as CP prints them in megabytes, rounded down: `10320M`. */
export function inM(bytes: number): string {
	return `${Math.floor(bytes / M)}M`;
}
