/**
 * The built-in scenarios by id and title, without their contents: what the lab's scenario picker
 * and link checking need, so that the page does not carry every scenario file and the validator
 * (the worker loads scenarios). `tests/unit/core/scenarios/catalog.test.ts` holds it to the
 * files in index.ts: same ids in the same order, each title the file's own.
 */
export const BUILTIN_CATALOG: readonly { id: string; title: string }[] = [
	{ id: 'itsossib', title: 'ITSOSSIB: two converted stand-alone systems' },
	{ id: 'itsossia', title: 'ITSOSSIA: four new members on two CECs' },
	{ id: 'vmsys', title: 'VMSYS01-04: relocation domains and fencing' },
	{ id: 'gdl', title: "GDLMCPX4 and GDLLCPX3: the SHARE session's pair" },
	{ id: 'myclustr', title: "MYCLUSTR: the SHARE session's PDR with a member down" },
	{ id: 'a11-devno', title: 'App. A.1.1: a DEVNO minidisk in use elsewhere' },
	{ id: 'a12-cms-mdisks', title: 'App. A.1.2: Linux with CMS minidisks' },
	{ id: 'a13-vdisk', title: 'App. A.1.3: a V-DISK minidisk' },
	{ id: 'a14-cms-guest', title: 'App. A.1.4: a CMS guest' },
	{ id: 'a15-dedicate', title: 'App. A.1.5: dedicated OSA devices without an EQID' },
	{ id: 'a16-domains', title: "App. A.1.6: relocation outside the guest's domain" },
	{ id: 'a17-maxquiesce', title: 'App. A.1.7: the relocation exceeds its MAXQUIESCE time' },
	{ id: 'a18-paging', title: 'App. A.1.8: not enough auxiliary paging space' },
	{ id: 'a19-capacity', title: 'App. A.1.9: not enough storage capacity' },
	{ id: 'bench-three', title: 'Benchmark: three relocations at once on ITSOSSIA' }
];

/** Ids of the built-in scenarios, the default first. */
export const BUILTIN_IDS: readonly string[] = BUILTIN_CATALOG.map((s) => s.id);

export const DEFAULT_SCENARIO = 'itsossib';
